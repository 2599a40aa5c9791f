package main

// #cgo LDFLAGS: -L${SRCDIR}/../target/release -lratecard -lm -ldl
// #include <stdlib.h>
// #include "ratecard.h"
import "C"

import (
	"log"
	"net/http"
	"strconv"
	"unsafe"
)

func quoteHandler(w http.ResponseWriter, r *http.Request) {
	qty, err := strconv.Atoi(r.URL.Query().Get("qty"))
	if err != nil {
		http.Error(w, "bad qty", http.StatusBadRequest)
		return
	}
	sku := C.CString(r.URL.Query().Get("sku"))
	defer C.free(unsafe.Pointer(sku))
	cur := C.CString(r.URL.Query().Get("currency"))
	defer C.free(unsafe.Pointer(cur))

	out := C.ratecard_quote(sku, C.int32_t(qty), cur)
	defer C.ratecard_free(out)

	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(C.GoString(out)))
}

func main() {
	C.ratecard_init()
	http.HandleFunc("/quote", quoteHandler)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
