*** Settings ***
Library           ../libraries/OrderLibrary.py
Test Setup        Begin Test Transaction
Test Teardown     Rollback Test Transaction

*** Test Cases ***
Order Reduces Stock
    Seed Product    SKU-100    19.99    stock=5
    ${id}=    Place Order Via API    SKU-100    qty=2
    Order Status Should Be    ${id}    confirmed
    Stock Cache Should Be Invalidated    SKU-100

Out Of Stock Order Is Rejected
    Seed Product    SKU-200    5.00    stock=0
    ${id}=    Place Order Via API    SKU-200
    Order Status Should Be    ${id}    rejected
