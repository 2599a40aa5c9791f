/// <reference types="cypress" />
import { faker } from '@faker-js/faker'

describe('checkout', () => {
  const password = 'Sup3r-secret!'
  let email: string

  beforeEach(() => {
    email = faker.internet.email().toLowerCase()
    cy.task('db:reset')
    cy.task('db:seedUser', { email, name: faker.person.fullName(), password, loyaltyPoints: 120 })
  })

  it('places an order with a coupon and records an audit event', () => {
    cy.visit('/login')
    cy.get('[data-test=email]').type(email)
    cy.get('[data-test=password]').type(password, { log: false })
    cy.get('[data-test=submit]').click()

    cy.visit('/products/espresso-beans')
    cy.get('[data-test=add-to-cart]').click()
    cy.get('[data-test=cart-count]').should('have.text', '1')

    cy.visit('/checkout')
    cy.get('[data-test=coupon]').type('WELCOME10{enter}')
    cy.get('[data-test=discount]').should('contain', '10%')
    cy.get('[data-test=place-order]').click()

    cy.get('[data-test=order-number]')
      .invoke('text')
      .then((orderNumber) => {
        cy.task('db:orderStatus', orderNumber.trim()).should('eq', 'pending_payment')
      })

    cy.task('mongo:auditEvents', { type: 'order.placed', userEmail: email }).should('have.length', 1)
  })

  it('rejects an unknown coupon without touching the order table', () => {
    cy.visit('/login')
    cy.get('[data-test=email]').type(email)
    cy.get('[data-test=password]').type(password, { log: false })
    cy.get('[data-test=submit]').click()

    cy.visit('/products/espresso-beans')
    cy.get('[data-test=add-to-cart]').click()
    cy.visit('/checkout')
    cy.get('[data-test=coupon]').type('NOPE{enter}')
    cy.get('[data-test=coupon-error]').should('be.visible')
    cy.task('mongo:auditEvents', { type: 'order.placed' }).should('have.length', 0)
  })
})
