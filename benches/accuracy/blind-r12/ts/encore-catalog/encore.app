{
	"id": "catalog-x7k2",
	"lang": "typescript"
}
