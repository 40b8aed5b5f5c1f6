package dev.reckon.adapter.provider;

/**
 * The kind of network an IP address belongs to. Provider calls connect only to {@link #PUBLIC}
 * addresses, and to {@link #LOOPBACK} ones when the settings allow loopback HTTP.
 */
public enum AddressCategory {
  PUBLIC("a public address"),
  LOOPBACK("a loopback address"),
  UNSPECIFIED("an unspecified or 'this network' address (0.0.0.0/8, ::)"),
  PRIVATE("a private address (RFC 1918)"),
  CARRIER_GRADE_NAT("a carrier-grade NAT address (100.64.0.0/10)"),
  LINK_LOCAL(
      "a link-local address (169.254.0.0/16, fe80::/10), the range of cloud metadata services"),
  UNIQUE_LOCAL("an IPv6 unique local address (fc00::/7)"),
  MULTICAST("a multicast address"),
  BROADCAST("the broadcast address"),
  RESERVED("a reserved, documentation, benchmarking or tunnel address");

  private final String description;

  AddressCategory(String description) {
    this.description = description;
  }

  /** Returns a phrase for messages, such as "a loopback address". */
  public String description() {
    return description;
  }
}
