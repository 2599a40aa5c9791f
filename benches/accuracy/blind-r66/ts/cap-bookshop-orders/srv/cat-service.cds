using my.bookshop as my from '../db/schema';

service CatalogService @(path: '/browse') {
  @readonly entity Books as projection on my.Books;
  entity Orders as projection on my.Orders;

  action submitOrder(book : Books:ID, quantity : Integer) returns {
    stock : Integer;
  };

  action syncStock() returns Integer;
}
