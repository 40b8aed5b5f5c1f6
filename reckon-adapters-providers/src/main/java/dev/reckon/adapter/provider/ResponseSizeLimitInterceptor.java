package dev.reckon.adapter.provider;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Fails a response whose body is longer than the limit.
 *
 * <p>As an application interceptor it receives the body after OkHttp's transparent gzip decoding,
 * so a small compressed body cannot expand past the limit. The check counts bytes as they are read,
 * so a caller buffers at most the limit plus one read (an 8 KiB Okio segment) before the read
 * fails. A body whose declared length is over the limit fails on its first read, before reading any
 * of it, while the caller still has the status and headers.
 */
final class ResponseSizeLimitInterceptor implements Interceptor {

  private final long limit;

  ResponseSizeLimitInterceptor(long limit) {
    this.limit = limit;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    LimitedSource source = new LimitedSource(body.source(), limit, body.contentLength());
    BufferedSource limited = Okio.buffer(source);
    ResponseBody wrapped = ResponseBody.create(limited, body.contentType(), body.contentLength());
    return response.newBuilder().body(wrapped).build();
  }

  /** Counts the bytes read through it and fails once they pass the limit. */
  private static final class LimitedSource extends ForwardingSource {

    private final long limit;
    private final long declaredLength;
    private long total;

    LimitedSource(BufferedSource delegate, long limit, long declaredLength) {
      super(delegate);
      this.limit = limit;
      this.declaredLength = declaredLength;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      if (declaredLength > limit) {
        throw new ResponseTooLargeException(limit);
      }
      long read = super.read(sink, byteCount);
      if (read > 0) {
        total += read;
        if (total > limit) {
          throw new ResponseTooLargeException(limit);
        }
      }
      return read;
    }
  }
}
