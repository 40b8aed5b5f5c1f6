package dev.reckon.adapter.provider;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a TLS ClientHello and writes a minimal ServerHello at the record level, following RFC 8446
 * sections 4.1.2 and 4.2.1 and RFC 5246 section 7.4.1.3. A test uses it to see which versions a
 * client offers and how the client reacts to a server that picks an old protocol version.
 */
final class TlsRecords {

  static final int HANDSHAKE = 22;
  static final int CLIENT_HELLO = 1;
  static final int SERVER_HELLO = 2;
  static final int SUPPORTED_VERSIONS = 43;
  static final int TLS_1_1 = 0x0302;
  static final int TLS_1_2 = 0x0303;
  static final int TLS_1_3 = 0x0304;

  private TlsRecords() {}

  /** The protocol versions a ClientHello offers. */
  record ClientHello(int legacyVersion, List<Integer> supportedVersions) {}

  /** Reads one handshake record that must contain a ClientHello. */
  static ClientHello readClientHello(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    int contentType = in.readUnsignedByte();
    in.readUnsignedShort();
    byte[] fragment = new byte[in.readUnsignedShort()];
    in.readFully(fragment);
    if (contentType != HANDSHAKE) {
      throw new IOException("expected a handshake record, got content type " + contentType);
    }

    ByteBuffer hello = ByteBuffer.wrap(fragment);
    int messageType = hello.get() & 0xff;
    if (messageType != CLIENT_HELLO) {
      throw new IOException("expected a ClientHello, got handshake type " + messageType);
    }
    hello.position(hello.position() + 3);
    int legacyVersion = hello.getShort() & 0xffff;
    hello.position(hello.position() + 32);
    skip(hello, hello.get() & 0xff);
    skip(hello, hello.getShort() & 0xffff);
    skip(hello, hello.get() & 0xff);

    List<Integer> versions = new ArrayList<>();
    int extensionsEnd = (hello.getShort() & 0xffff) + hello.position();
    while (hello.position() < extensionsEnd) {
      int type = hello.getShort() & 0xffff;
      int length = hello.getShort() & 0xffff;
      if (type != SUPPORTED_VERSIONS) {
        skip(hello, length);
        continue;
      }
      int listLength = hello.get() & 0xff;
      for (int i = 0; i < listLength / 2; i++) {
        versions.add(hello.getShort() & 0xffff);
      }
    }
    return new ClientHello(legacyVersion, versions);
  }

  /**
   * Writes a ServerHello that selects the version and cipher suite without extensions, in the form
   * a TLS 1.1 server sends.
   */
  static void writeServerHello(OutputStream out, int version, int cipherSuite) throws IOException {
    ByteBuffer body = ByteBuffer.allocate(2 + 32 + 1 + 2 + 1);
    body.putShort((short) version);
    body.put(new byte[32]);
    body.put((byte) 0);
    body.putShort((short) cipherSuite);
    body.put((byte) 0);

    ByteBuffer record = ByteBuffer.allocate(5 + 4 + body.capacity());
    record.put((byte) HANDSHAKE);
    record.putShort((short) version);
    record.putShort((short) (4 + body.capacity()));
    record.put((byte) SERVER_HELLO);
    record.put((byte) 0);
    record.putShort((short) body.capacity());
    record.put(body.array());
    out.write(record.array());
    out.flush();
  }

  private static void skip(ByteBuffer buffer, int count) {
    buffer.position(buffer.position() + count);
  }
}
