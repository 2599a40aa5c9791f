describe('checkout', () => {
  beforeEach(() => {
    cy.task('db:reset');
    cy.task('cache:flush');
  });

  it('places an order paid with store credit', () => {
    cy.task('db:createCustomer', { email: 'ana@acme.test', name: 'Ana', credits: 5000 });
    cy.visit('/login');
    cy.get('[name=email]').type('ana@acme.test');
    cy.get('button[type=submit]').click();

    cy.visit('/products/blue-mug');
    cy.contains('Add to cart').click();
    cy.visit('/checkout');
    cy.contains('Use store credit').click();
    cy.contains('Place order').click();

    cy.contains('Thanks for your order');
    cy.task('db:orderCount', 'ana@acme.test').should('eq', 1);
  });
});
