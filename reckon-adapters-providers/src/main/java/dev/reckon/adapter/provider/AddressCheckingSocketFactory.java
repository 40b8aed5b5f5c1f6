package dev.reckon.adapter.provider;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import javax.net.SocketFactory;

/**
 * Creates sockets that check the resolved address at connect time and reject every address that is
 * not {@link AddressCategory#PUBLIC}, except loopback when allowed.
 *
 * <p>The check sits on the socket rather than in a custom OkHttp {@code Dns} because OkHttp (5.5.1)
 * connects to an IP literal in the URL without calling {@code Dns}, and because it covers every
 * address a host name resolves to at the moment of the connection. OkHttp opens TLS connections by
 * layering {@code SSLSocketFactory.createSocket(socket, host, port, true)} over a plain socket from
 * this factory, so HTTPS is checked too. SOCKS proxies bypass the factory, which is why the client
 * uses no proxy.
 */
final class AddressCheckingSocketFactory extends SocketFactory {

  private final boolean allowLoopback;

  AddressCheckingSocketFactory(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
  }

  boolean allowsLoopback() {
    return allowLoopback;
  }

  /** Throws when a connection to the address is not allowed. */
  void check(InetAddress address) throws AddressRejectedException {
    AddressCategory category = AddressClassifier.classify(address);
    boolean allowed =
        category == AddressCategory.PUBLIC
            || (category == AddressCategory.LOOPBACK && allowLoopback);
    if (!allowed) {
      throw new AddressRejectedException(address, category);
    }
  }

  @Override
  public Socket createSocket() {
    return new CheckedSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
  }

  private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
    Socket socket = new CheckedSocket();
    try {
      if (local != null) {
        socket.bind(local);
      }
      socket.connect(remote);
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** A plain socket whose every connect goes through {@link #check}. */
  private final class CheckedSocket extends Socket {

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
      connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (endpoint instanceof InetSocketAddress inet) {
        if (inet.isUnresolved()) {
          close();
          throw new UnknownHostException(
              "cannot check the unresolved address "
                  + inet.getHostString()
                  + ": resolve it before connecting");
        }
        try {
          check(inet.getAddress());
        } catch (AddressRejectedException e) {
          close();
          throw e;
        }
      }
      super.connect(endpoint, timeout);
    }
  }
}
