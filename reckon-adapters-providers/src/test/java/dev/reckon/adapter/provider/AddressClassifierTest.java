package dev.reckon.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classifies addresses built from bytes with {@link InetAddress#getByAddress(byte[])}, which
 * performs no lookup, and no test here opens a connection.
 */
class AddressClassifierTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    // IPv4 public, including the neighbors of each special range
    "1.1.1.1, PUBLIC",
    "8.8.8.8, PUBLIC",
    "9.255.255.255, PUBLIC",
    "11.0.0.0, PUBLIC",
    "100.63.255.255, PUBLIC",
    "100.128.0.0, PUBLIC",
    "126.255.255.255, PUBLIC",
    "128.0.0.0, PUBLIC",
    "169.253.255.255, PUBLIC",
    "169.255.0.0, PUBLIC",
    "172.15.255.255, PUBLIC",
    "172.32.0.0, PUBLIC",
    "192.0.1.1, PUBLIC",
    "192.167.255.255, PUBLIC",
    "192.169.0.0, PUBLIC",
    "198.17.255.255, PUBLIC",
    "198.20.0.0, PUBLIC",
    "223.255.255.255, PUBLIC",
    // IPv4 special ranges
    "0.0.0.0, UNSPECIFIED",
    "0.1.2.3, UNSPECIFIED",
    "127.0.0.1, LOOPBACK",
    "127.255.255.254, LOOPBACK",
    "10.0.0.1, PRIVATE",
    "10.255.255.255, PRIVATE",
    "172.16.0.0, PRIVATE",
    "172.31.255.255, PRIVATE",
    "192.168.0.1, PRIVATE",
    "192.168.255.255, PRIVATE",
    "100.64.0.0, CARRIER_GRADE_NAT",
    "100.100.100.200, CARRIER_GRADE_NAT",
    "100.127.255.255, CARRIER_GRADE_NAT",
    "169.254.0.1, LINK_LOCAL",
    "169.254.169.254, LINK_LOCAL",
    "169.254.255.255, LINK_LOCAL",
    "224.0.0.1, MULTICAST",
    "239.255.255.255, MULTICAST",
    "255.255.255.255, BROADCAST",
    "240.0.0.1, RESERVED",
    "255.255.255.254, RESERVED",
    "192.0.0.170, RESERVED",
    "192.0.2.1, RESERVED",
    "192.88.99.1, RESERVED",
    "198.18.0.1, RESERVED",
    "198.19.255.255, RESERVED",
    "198.51.100.1, RESERVED",
    "203.0.113.1, RESERVED",
    // IPv6 public
    "2606:4700:4700::1111, PUBLIC",
    "2a00:1450:4001::1, PUBLIC",
    "2001:4860:4860::8888, PUBLIC",
    "fbff:ffff::1, PUBLIC",
    "3fff:1000::1, PUBLIC",
    "100:0:0:1::1, PUBLIC",
    // IPv6 special ranges
    "::, UNSPECIFIED",
    "::1, LOOPBACK",
    "fc00::1, UNIQUE_LOCAL",
    "fd00:ec2::254, UNIQUE_LOCAL",
    "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, UNIQUE_LOCAL",
    "fe80::1, LINK_LOCAL",
    "febf:ffff::1, LINK_LOCAL",
    "fec0::1, RESERVED",
    "ff02::1, MULTICAST",
    "ff05::2, MULTICAST",
    "2001:db8::1, RESERVED",
    "3fff::1, RESERVED",
    "100::1, RESERVED",
    "64:ff9b:1::a00:1, RESERVED",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2, RESERVED",
    // IPv6 forms that embed an IPv4 address take its category
    "::ffff:127.0.0.1, LOOPBACK",
    "::ffff:169.254.169.254, LINK_LOCAL",
    "::ffff:10.0.0.1, PRIVATE",
    "::ffff:8.8.8.8, PUBLIC",
    "::ffff:0:127.0.0.1, LOOPBACK",
    "::ffff:0:169.254.169.254, LINK_LOCAL",
    "::ffff:0:8.8.8.8, PUBLIC",
    "::127.0.0.1, LOOPBACK",
    "::10.0.0.1, PRIVATE",
    "::0.0.0.2, UNSPECIFIED",
    "::8.8.8.8, PUBLIC",
    "64:ff9b::127.0.0.1, LOOPBACK",
    "64:ff9b::169.254.169.254, LINK_LOCAL",
    "64:ff9b::192.168.1.1, PRIVATE",
    "64:ff9b::8.8.8.8, PUBLIC",
    "2002:7f00:1::1, LOOPBACK",
    "2002:a9fe:a9fe::1, LINK_LOCAL",
    "2002:6440:1::1, CARRIER_GRADE_NAT",
    "2002:e000:1::1, MULTICAST",
    "2002:808:808::1, PUBLIC",
  })
  void classifiesAddress(String text, AddressCategory expected) throws Exception {
    InetAddress address = InetAddress.getByAddress(bytes(text));

    assertThat(AddressClassifier.classify(address)).isEqualTo(expected);
  }

  @Test
  void javaTurnsMappedBytesIntoIpv4() throws Exception {
    InetAddress address = InetAddress.getByAddress(bytes("::ffff:169.254.169.254"));

    assertThat(address).isInstanceOf(Inet4Address.class);
    assertThat(AddressClassifier.classify(address)).isEqualTo(AddressCategory.LINK_LOCAL);
  }

  @Test
  void mappedInet6AddressUsesIpv4Category() throws Exception {
    Inet6Address loopback = Inet6Address.getByAddress(null, bytes("::ffff:127.0.0.1"), -1);
    Inet6Address metadata = Inet6Address.getByAddress(null, bytes("::ffff:169.254.169.254"), -1);

    assertThat(AddressClassifier.classify(loopback)).isEqualTo(AddressCategory.LOOPBACK);
    assertThat(AddressClassifier.classify(metadata)).isEqualTo(AddressCategory.LINK_LOCAL);
  }

  @Test
  void scopedLinkLocalIsStillLinkLocal() throws Exception {
    Inet6Address scoped = Inet6Address.getByAddress(null, bytes("fe80::1"), 2);

    assertThat(AddressClassifier.classify(scoped)).isEqualTo(AddressCategory.LINK_LOCAL);
  }

  @Test
  void onlyPublicAndAllowedLoopbackPass() throws Exception {
    AddressCheckingSocketFactory production = new AddressCheckingSocketFactory(false);
    AddressCheckingSocketFactory loopbackAllowed = new AddressCheckingSocketFactory(true);
    InetAddress publicAddress = InetAddress.getByAddress(bytes("8.8.8.8"));
    InetAddress loopback = InetAddress.getByAddress(bytes("127.0.0.1"));
    InetAddress loopbackV6 = InetAddress.getByAddress(bytes("::1"));
    InetAddress metadata = InetAddress.getByAddress(bytes("169.254.169.254"));
    InetAddress privateAddress = InetAddress.getByAddress(bytes("10.1.2.3"));

    production.check(publicAddress);
    loopbackAllowed.check(publicAddress);
    loopbackAllowed.check(loopback);
    loopbackAllowed.check(loopbackV6);
    assertRejected(production, loopback, AddressCategory.LOOPBACK);
    assertRejected(production, loopbackV6, AddressCategory.LOOPBACK);
    assertRejected(production, metadata, AddressCategory.LINK_LOCAL);
    assertRejected(loopbackAllowed, metadata, AddressCategory.LINK_LOCAL);
    assertRejected(loopbackAllowed, privateAddress, AddressCategory.PRIVATE);
  }

  @Test
  void rejectionNamesAddressAndReason() throws Exception {
    AddressCheckingSocketFactory factory = new AddressCheckingSocketFactory(true);
    InetAddress metadata = InetAddress.getByAddress(bytes("169.254.169.254"));

    AddressRejectedException rejected = rejection(factory, metadata);

    assertThat(rejected)
        .hasMessage(
            "connection to 169.254.169.254 rejected because it is a link-local address"
                + " (169.254.0.0/16, fe80::/10), the range of cloud metadata services: provider"
                + " calls connect only to public addresses, so check the base URL and the DNS"
                + " records of its host");
    assertThat(rejected.address()).isEqualTo(metadata);
  }

  @Test
  void loopbackRejectionNamesTheSetting() throws Exception {
    AddressCheckingSocketFactory factory = new AddressCheckingSocketFactory(false);

    AddressRejectedException rejected = rejection(factory, InetAddress.getByAddress(bytes("::1")));

    assertThat(rejected)
        .hasMessage(
            "connection to 0:0:0:0:0:0:0:1 rejected because it is a loopback address: loopback is"
                + " allowed only outside production mode with loopback HTTP allowed");
  }

  private static void assertRejected(
      AddressCheckingSocketFactory factory, InetAddress address, AddressCategory category) {
    assertThat(rejection(factory, address).category()).isEqualTo(category);
  }

  private static AddressRejectedException rejection(
      AddressCheckingSocketFactory factory, InetAddress address) {
    try {
      factory.check(address);
    } catch (AddressRejectedException e) {
      return e;
    }
    throw new AssertionError("expected " + address.getHostAddress() + " to be rejected");
  }

  /** Parses an IPv4 or IPv6 literal into bytes without {@link InetAddress#getByName}. */
  static byte[] bytes(String text) throws UnknownHostException {
    if (!text.contains(":")) {
      return ipv4(text);
    }
    List<Integer> head = new ArrayList<>();
    List<Integer> tail = new ArrayList<>();
    String[] halves = text.split("::", -1);
    if (halves.length > 2) {
      throw new UnknownHostException("more than one '::' in " + text);
    }
    addGroups(halves[0], head);
    if (halves.length == 2) {
      addGroups(halves[1], tail);
    }
    int missing = 8 - head.size() - tail.size();
    if (missing < 0 || (halves.length == 1 && missing != 0)) {
      throw new UnknownHostException("wrong number of groups in " + text);
    }
    List<Integer> groups = new ArrayList<>(head);
    for (int i = 0; i < missing; i++) {
      groups.add(0);
    }
    groups.addAll(tail);
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[2 * i] = (byte) (groups.get(i) >> 8);
      bytes[2 * i + 1] = (byte) (int) groups.get(i);
    }
    return bytes;
  }

  private static void addGroups(String part, List<Integer> groups) throws UnknownHostException {
    if (part.isEmpty()) {
      return;
    }
    for (String group : part.split(":")) {
      if (group.contains(".")) {
        byte[] ipv4 = ipv4(group);
        groups.add(((ipv4[0] & 0xff) << 8) | (ipv4[1] & 0xff));
        groups.add(((ipv4[2] & 0xff) << 8) | (ipv4[3] & 0xff));
      } else {
        groups.add(Integer.parseInt(group, 16));
      }
    }
  }

  private static byte[] ipv4(String text) throws UnknownHostException {
    String[] parts = text.split("\\.");
    if (parts.length != 4) {
      throw new UnknownHostException("not a dotted IPv4 address: " + text);
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return bytes;
  }
}
