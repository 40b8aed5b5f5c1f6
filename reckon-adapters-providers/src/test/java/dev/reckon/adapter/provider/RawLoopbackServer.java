package dev.reckon.adapter.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;

/**
 * A TCP server on 127.0.0.1 that hands each accepted connection to a handler, for tests that need
 * bytes MockWebServer does not send: a silent peer, a lying Content-Length or a raw TLS message.
 * Sockets stay open after the handler returns, until the server closes.
 */
final class RawLoopbackServer implements AutoCloseable {

  /** Reacts to one accepted connection. */
  interface Handler {
    void handle(Socket socket) throws IOException;
  }

  private final ServerSocket serverSocket;
  private final Handler handler;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

  RawLoopbackServer(Handler handler) throws IOException {
    this.handler = handler;
    this.serverSocket =
        new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    Thread acceptor = new Thread(this::acceptAll, "raw-loopback-server-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  /** Returns a URL on this server, such as {@code https://127.0.0.1:port/path}. */
  HttpUrl url(String scheme, String path) {
    return new HttpUrl.Builder()
        .scheme(scheme)
        .host("127.0.0.1")
        .port(port())
        .encodedPath(path)
        .build();
  }

  int acceptedConnections() {
    return accepted.get();
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    synchronized (sockets) {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  /** Reads an HTTP request head up to and including the blank line, and returns it. */
  static String readRequestHead(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("connection closed before the end of the request head");
      }
      head.write(next);
      matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
    }
    return head.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private void acceptAll() {
    while (!serverSocket.isClosed()) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        return;
      }
      accepted.incrementAndGet();
      sockets.add(socket);
      Thread worker = new Thread(() -> handleQuietly(socket), "raw-loopback-connection");
      worker.setDaemon(true);
      worker.start();
    }
  }

  private void handleQuietly(Socket socket) {
    try {
      handler.handle(socket);
    } catch (SocketException e) {
      // The client closed the connection first, which most tests expect.
    } catch (IOException e) {
      throw new IllegalStateException("test server handler failed", e);
    }
  }
}
