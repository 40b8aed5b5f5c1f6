package dev.reckon.sandbox;

import java.math.BigDecimal;

/**
 * The sandbox's billed rates of one model in USD per million tokens. They sit about 8% below list
 * prices, like a negotiated discount, so billed cost differs from a list-price estimate.
 *
 * @param displayName the product name used in Anthropic cost descriptions
 */
record ModelRate(
    String model,
    String displayName,
    BigDecimal uncachedInput,
    BigDecimal cachedInput,
    BigDecimal cacheWrite5m,
    BigDecimal cacheWrite1h,
    BigDecimal output) {

  static ModelRate of(
      String model,
      String displayName,
      String uncachedInput,
      String cachedInput,
      String cacheWrite5m,
      String cacheWrite1h,
      String output) {
    return new ModelRate(
        model,
        displayName,
        new BigDecimal(uncachedInput),
        new BigDecimal(cachedInput),
        new BigDecimal(cacheWrite5m),
        new BigDecimal(cacheWrite1h),
        new BigDecimal(output));
  }
}
