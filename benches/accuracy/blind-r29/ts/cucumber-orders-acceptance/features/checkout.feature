Feature: Checkout
  Scenario: A paid order reserves stock
    Given a product "SKU-100" with 5 units in stock
    And a customer "ada@example.com"
    When the customer orders 2 of "SKU-100"
    Then the response status is 201
    And "SKU-100" has 3 units in stock
    And an "order.created" event was published

  Scenario: Ordering more than in stock is rejected
    Given a product "SKU-200" with 1 units in stock
    And a customer "grace@example.com"
    When the customer orders 3 of "SKU-200"
    Then the response status is 409
    And "SKU-200" has 1 units in stock
