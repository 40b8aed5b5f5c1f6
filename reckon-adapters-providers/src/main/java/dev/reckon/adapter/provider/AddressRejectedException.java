package dev.reckon.adapter.provider;

import java.net.ConnectException;
import java.net.InetAddress;

/** A provider call was about to connect to an address outside the allowed networks. */
public final class AddressRejectedException extends ConnectException {

  private final transient InetAddress address;
  private final AddressCategory category;

  AddressRejectedException(InetAddress address, AddressCategory category) {
    super(describe(address, category));
    this.address = address;
    this.category = category;
  }

  /** Returns the resolved address the connection would have gone to. */
  public InetAddress address() {
    return address;
  }

  public AddressCategory category() {
    return category;
  }

  private static String describe(InetAddress address, AddressCategory category) {
    String rejected =
        "connection to "
            + address.getHostAddress()
            + " rejected because it is "
            + category.description();
    if (category == AddressCategory.LOOPBACK) {
      return rejected
          + ": loopback is allowed only outside production mode with loopback HTTP allowed";
    }
    return rejected
        + ": provider calls connect only to public addresses, so check the base URL and the DNS"
        + " records of its host";
  }
}
