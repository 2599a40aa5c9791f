Feature: Order checkout against the staging stack

  Background:
    Given a customer "ada@example.com" with a verified account
    And the product "SKU-1001" has 5 units in stock

  Scenario: Placing an order reserves stock
    When the customer orders 2 units of "SKU-1001"
    Then the API answers 201
    And the order is stored with status "pending_payment"
    And "SKU-1001" has 3 units available

  Scenario: Ordering more than the stock is rejected
    When the customer orders 9 units of "SKU-1001"
    Then the API answers 409
    And "SKU-1001" has 5 units available

  Scenario: The cart cache is cleared after checkout
    Given the customer has a cached cart
    When the customer orders 1 units of "SKU-1001"
    Then the cached cart is gone
