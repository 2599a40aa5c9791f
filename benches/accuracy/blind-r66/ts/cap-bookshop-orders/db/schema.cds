namespace my.bookshop;

using { cuid, managed } from '@sap/cds/common';

entity Books {
  key ID     : Integer;
      title  : String(111);
      author : String(111);
      stock  : Integer;
      price  : Decimal(9, 2);
}

entity Orders : cuid, managed {
  book     : Association to Books;
  quantity : Integer;
  erpRef   : String(20);
}
