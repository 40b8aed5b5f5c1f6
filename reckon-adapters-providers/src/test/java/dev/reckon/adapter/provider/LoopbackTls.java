package dev.reckon.adapter.provider;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** Certificates and socket factories for HTTPS servers on loopback. */
final class LoopbackTls {

  private LoopbackTls() {}

  /** Returns a self-signed certificate for localhost, 127.0.0.1 and ::1. */
  static HeldCertificate localCertificate() {
    return new HeldCertificate.Builder()
        .commonName("localhost")
        .addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName("127.0.0.1")
        .addSubjectAlternativeName("::1")
        .build();
  }

  /** Returns a server socket factory presenting the certificate, limited to the protocols. */
  static RecordingSocketFactory serverSockets(HeldCertificate certificate, String... protocols) {
    SSLSocketFactory delegate =
        new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory();
    return new RecordingSocketFactory(delegate, protocols);
  }

  /** Returns the trust material of a client that trusts only this certificate. */
  static HandshakeCertificates trusting(HeldCertificate certificate) {
    return new HandshakeCertificates.Builder()
        .addTrustedCertificate(certificate.certificate())
        .build();
  }

  /** Returns a hardened client that trusts only this certificate and records its TLS sockets. */
  static HardenedHttpClient trustingClient(
      HttpClientSettings settings, HeldCertificate certificate, RecordingSocketFactory sockets) {
    return HardenedHttpClient.createTrusting(
        settings, sockets, trusting(certificate).trustManager());
  }

  /** Returns a hardened client that trusts only this certificate. */
  static HardenedHttpClient trustingClient(
      HttpClientSettings settings, HeldCertificate certificate) {
    HandshakeCertificates trust = trusting(certificate);
    return HardenedHttpClient.createTrusting(
        settings, trust.sslSocketFactory(), trust.trustManager());
  }

  /**
   * Returns a factory for a client trusting this certificate that records its sockets and enables
   * the given protocols on each before OkHttp configures it.
   */
  static RecordingSocketFactory clientSockets(HeldCertificate certificate, String... protocols) {
    return new RecordingSocketFactory(trusting(certificate).sslSocketFactory(), protocols);
  }

  /**
   * Delegates to another SSL socket factory, records every socket it creates and, when protocols
   * are given, enables only those on each new socket.
   */
  static final class RecordingSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final String[] protocols;
    private final List<SSLSocket> created = new CopyOnWriteArrayList<>();

    RecordingSocketFactory(SSLSocketFactory delegate, String... protocols) {
      this.delegate = delegate;
      this.protocols = protocols.clone();
    }

    /** Returns the sockets created so far, in order. */
    List<SSLSocket> created() {
      return List.copyOf(created);
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
        throws IOException {
      return record(delegate.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
      return record(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return record(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return record(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return record(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return record(delegate.createSocket(address, port, localAddress, localPort));
    }

    private Socket record(Socket socket) {
      SSLSocket sslSocket = (SSLSocket) socket;
      if (protocols.length > 0) {
        sslSocket.setEnabledProtocols(protocols);
      }
      created.add(sslSocket);
      return sslSocket;
    }
  }
}
