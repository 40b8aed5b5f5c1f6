package dev.reckon.sandbox;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The smallest unit of billed cost in one bucket: one charge for one combination of the cost
 * endpoint's dimensions, rounded once. Every grouped or ungrouped response sums these exactly.
 *
 * @param dimensions the JSON field names of the cost dimensions and their values
 * @param amount the charge, in dollars for OpenAI and in cents for Anthropic, at scale 10
 * @param quantity the billed quantity, or null for a fixed charge
 * @param quantityUnit the unit of the quantity, or null for a fixed charge
 */
record CostLine(
    Map<String, Object> dimensions, BigDecimal amount, Long quantity, String quantityUnit) {

  static final int SCALE = 10;
}
