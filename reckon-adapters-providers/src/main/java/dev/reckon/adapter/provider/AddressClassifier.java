package dev.reckon.adapter.provider;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Classifies a resolved IP address by the ranges of the IANA IPv4 and IPv6 special-purpose address
 * registries (RFC 6890 and its updates) that matter for outbound calls.
 *
 * <p>It works on the bytes of an address after resolution, never on the host text of a URL, so how
 * a host was spelled does not matter. IPv6 forms that embed an IPv4 address (IPv4-mapped {@code
 * ::ffff:a.b.c.d}, IPv4-translated {@code ::ffff:0:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d},
 * 6to4 {@code 2002:aabb:ccdd::} and NAT64 {@code 64:ff9b::a.b.c.d}) get the category of the IPv4
 * address they carry. Teredo addresses are {@link AddressCategory#RESERVED} because their embedded
 * client address is obfuscated and no provider API uses one.
 */
final class AddressClassifier {

  private AddressClassifier() {}

  static AddressCategory classify(InetAddress address) {
    Objects.requireNonNull(address, "address");
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return classifyIpv4(bytes, 0);
    }
    return classifyIpv6(bytes);
  }

  private static AddressCategory classifyIpv4(byte[] bytes, int offset) {
    int a = bytes[offset] & 0xff;
    int b = bytes[offset + 1] & 0xff;
    int c = bytes[offset + 2] & 0xff;
    int d = bytes[offset + 3] & 0xff;

    if (a == 0) {
      return AddressCategory.UNSPECIFIED;
    }
    if (a == 127) {
      return AddressCategory.LOOPBACK;
    }
    if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)) {
      return AddressCategory.PRIVATE;
    }
    if (a == 100 && b >= 64 && b <= 127) {
      return AddressCategory.CARRIER_GRADE_NAT;
    }
    if (a == 169 && b == 254) {
      return AddressCategory.LINK_LOCAL;
    }
    if (a >= 224 && a <= 239) {
      return AddressCategory.MULTICAST;
    }
    if (a == 255 && b == 255 && c == 255 && d == 255) {
      return AddressCategory.BROADCAST;
    }
    if (isReservedIpv4(a, b, c)) {
      return AddressCategory.RESERVED;
    }
    return AddressCategory.PUBLIC;
  }

  /**
   * Matches 192.0.0.0/24 (IETF protocol assignments), the documentation networks 192.0.2.0/24,
   * 198.51.100.0/24 and 203.0.113.0/24, the 6to4 relay anycast 192.88.99.0/24, benchmarking
   * 198.18.0.0/15 and the former class E 240.0.0.0/4.
   */
  private static boolean isReservedIpv4(int a, int b, int c) {
    boolean in192 = a == 192 && ((b == 0 && (c == 0 || c == 2)) || (b == 88 && c == 99));
    boolean documentation = (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113);
    boolean benchmarking = a == 198 && (b == 18 || b == 19);
    return in192 || documentation || benchmarking || a >= 240;
  }

  private static AddressCategory classifyIpv6(byte[] bytes) {
    if (allZero(bytes, 0, 12)) {
      // ::, ::1 and the IPv4-compatible addresses ::a.b.c.d share the all-zero 96-bit prefix.
      if (allZero(bytes, 12, 15) && bytes[15] == 1) {
        return AddressCategory.LOOPBACK;
      }
      if (allZero(bytes, 12, 16)) {
        return AddressCategory.UNSPECIFIED;
      }
      return classifyIpv4(bytes, 12);
    }
    if (isIpv4Mapped(bytes) || isIpv4Translated(bytes) || isNat64WellKnown(bytes)) {
      return classifyIpv4(bytes, 12);
    }
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    if (first == 0x20 && second == 0x02) {
      return classifyIpv4(bytes, 2);
    }
    if (first == 0xff) {
      return AddressCategory.MULTICAST;
    }
    if ((first & 0xfe) == 0xfc) {
      return AddressCategory.UNIQUE_LOCAL;
    }
    if (first == 0xfe && (second & 0xc0) == 0x80) {
      return AddressCategory.LINK_LOCAL;
    }
    if (isReservedIpv6(bytes)) {
      return AddressCategory.RESERVED;
    }
    return AddressCategory.PUBLIC;
  }

  /** Matches {@code ::ffff:0:0/96}. */
  private static boolean isIpv4Mapped(byte[] bytes) {
    return allZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
  }

  /** Matches {@code ::ffff:0:0:0/96} (RFC 2765). */
  private static boolean isIpv4Translated(byte[] bytes) {
    return allZero(bytes, 0, 8)
        && (bytes[8] & 0xff) == 0xff
        && (bytes[9] & 0xff) == 0xff
        && allZero(bytes, 10, 12);
  }

  /** Matches the NAT64 well-known prefix {@code 64:ff9b::/96} (RFC 6052). */
  private static boolean isNat64WellKnown(byte[] bytes) {
    return bytes[0] == 0
        && bytes[1] == 0x64
        && (bytes[2] & 0xff) == 0xff
        && (bytes[3] & 0xff) == 0x9b
        && allZero(bytes, 4, 12);
  }

  /**
   * Matches the local-use NAT64 prefix {@code 64:ff9b:1::/48}, Teredo {@code 2001::/32}, the
   * documentation prefixes {@code 2001:db8::/32} and {@code 3fff::/20}, the discard prefix {@code
   * 100::/64} and the deprecated site-local {@code fec0::/10}.
   */
  private static boolean isReservedIpv6(byte[] bytes) {
    int b0 = bytes[0] & 0xff;
    int b1 = bytes[1] & 0xff;
    int b2 = bytes[2] & 0xff;
    int b3 = bytes[3] & 0xff;
    int b4 = bytes[4] & 0xff;
    int b5 = bytes[5] & 0xff;
    boolean localNat64 = b0 == 0 && b1 == 0x64 && b2 == 0xff && b3 == 0x9b && b4 == 0 && b5 == 1;
    boolean teredo = b0 == 0x20 && b1 == 0x01 && b2 == 0 && b3 == 0;
    boolean documentation =
        (b0 == 0x20 && b1 == 0x01 && b2 == 0x0d && b3 == 0xb8)
            || (b0 == 0x3f && b1 == 0xff && (b2 & 0xf0) == 0);
    boolean discard = b0 == 0x01 && b1 == 0 && allZero(bytes, 2, 8);
    boolean siteLocal = b0 == 0xfe && (b1 & 0xc0) == 0xc0;
    return localNat64 || teredo || documentation || discard || siteLocal;
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
