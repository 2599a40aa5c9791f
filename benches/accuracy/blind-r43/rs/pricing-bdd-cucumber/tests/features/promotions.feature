Feature: Percentage promotions

  Scenario: No promotion
    Given a cart with 3 units of "MUG-01" at 1200 cents
    When the cart is priced
    Then the quote is 3600 cents

  Scenario: Ten percent off mugs
    Given a cart with 3 units of "MUG-01" at 1200 cents
    And a 10% promotion on "MUG-01"
    When the cart is priced
    Then the quote is 3240 cents

  Scenario: Tax on the discounted quote
    Given a cart with 2 units of "TEE-02" at 2500 cents
    And a 20% promotion on "TEE-02"
    When the cart is priced
    And tax is requested from the sandbox
    Then the quote is 4000 cents
    And tax is charged on 4000 cents
