package com.acme.pricing;

/** JNI bridge used by the quoting service (Spring Boot). */
public final class NativePricing {
    static {
        System.loadLibrary("pricing");
        init(System.getenv("PRICING_DB_URL"), System.getenv("FX_API_URL"));
    }

    private NativePricing() {}

    private static native void init(String dbUrl, String fxApiUrl);

    /** Net unit price in minor units of {@code currency}. */
    public static native long quote(String sku, int quantity, String customerTier, String currency);
}
