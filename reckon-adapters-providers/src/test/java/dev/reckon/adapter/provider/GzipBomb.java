package dev.reckon.adapter.provider;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import okio.Buffer;

/**
 * Builds a valid gzip body (RFC 1952) of many mebibytes of zeros in a few milliseconds.
 *
 * <p>It compresses one mebibyte of zeros once, ending with a full flush. A full flush ends on a
 * byte boundary and resets the compressor's history, so the compressed block decodes the same at
 * any position in the stream, and repeating it N times gives a raw deflate stream of N mebibytes.
 */
final class GzipBomb {

  static final int MEBIBYTE = 1024 * 1024;

  private GzipBomb() {}

  /** Returns a gzip body that decodes to {@code mebibytes} MiB of zero bytes. */
  static Buffer zeros(int mebibytes) {
    byte[] zeros = new byte[MEBIBYTE];
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(zeros);
    byte[] block = flushBlock(deflater);
    byte[] end = finishStream(deflater);
    deflater.end();

    CRC32 crc = new CRC32();
    for (int i = 0; i < mebibytes; i++) {
      crc.update(zeros);
    }

    Buffer body = new Buffer();
    body.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    for (int i = 0; i < mebibytes; i++) {
      body.write(block);
    }
    body.write(end);
    body.writeIntLe((int) crc.getValue());
    body.writeIntLe((int) ((long) mebibytes * MEBIBYTE));
    return body;
  }

  /** Compresses the pending input up to a full flush, repeating while the output fills up. */
  private static byte[] flushBlock(Deflater deflater) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int written;
    do {
      written = deflater.deflate(chunk, 0, chunk.length, Deflater.FULL_FLUSH);
      out.write(chunk, 0, written);
    } while (written == chunk.length);
    return out.toByteArray();
  }

  /** Writes the final, empty block that ends the deflate stream. */
  private static byte[] finishStream(Deflater deflater) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    deflater.finish();
    while (!deflater.finished()) {
      int written = deflater.deflate(chunk);
      out.write(chunk, 0, written);
    }
    return out.toByteArray();
  }
}
