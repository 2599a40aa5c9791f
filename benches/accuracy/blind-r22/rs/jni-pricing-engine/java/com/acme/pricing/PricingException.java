package com.acme.pricing;

public class PricingException extends RuntimeException {
    public PricingException(String message) {
        super(message);
    }
}
