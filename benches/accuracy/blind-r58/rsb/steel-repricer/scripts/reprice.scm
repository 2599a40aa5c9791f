;; Pricing strategy for the marketplace listings.
;; (reprice sku current) -> new price, never below the floor.
;; Host functions: stock-on-hand, price-floor, lowest-competitor.

(define undercut 0.01)
(define scarce-stock 5)
(define premium 1.04)

(define (clamp-to-floor sku price)
  (let ([floor (price-floor sku)])
    (if (< price floor) floor price)))

(define (competitive-price sku current)
  (let ([best (lowest-competitor sku)])
    (if (> best 1000000.0)
        current
        (- best undercut))))

(define (scarcity-adjust sku price)
  (if (< (stock-on-hand sku) scarce-stock)
      (* price premium)
      price))

(define (reprice sku current)
  (let* ([competitive (competitive-price sku current)]
         [adjusted (scarcity-adjust sku competitive)])
    (clamp-to-floor sku adjusted)))

;; Used by on-call from the steel REPL to sanity-check the floor lookup.
(define (self-check)
  (and (= (clamp-to-floor "SELF-CHECK" 0.0) (price-floor "SELF-CHECK"))
       #t))
