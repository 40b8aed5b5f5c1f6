package dev.reckon.adapter.provider.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reckon.adapter.provider.AddressRejectedException;
import dev.reckon.adapter.provider.HardenedHttpClient;
import dev.reckon.adapter.provider.ResponseTooLargeException;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.ProviderResponseInvalidException;
import dev.reckon.ports.out.ProviderUnavailableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one authenticated GET to a provider and returns its JSON body, or throws the {@link
 * dev.reckon.ports.out.ProviderCallException} subclass that classifies the failure.
 *
 * <p>Messages and logs carry the provider, path, status, error code, request id and, for a rejected
 * connection, the address. They never carry the key, a header or the body.
 */
public final class ProviderHttp {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderHttp.class);

  private final OkHttpClient client;
  private final ProviderDialect dialect;
  private final Clock clock;

  public ProviderHttp(HardenedHttpClient http, ProviderDialect dialect, Clock clock) {
    this.client = Objects.requireNonNull(http, "http").okHttp();
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Provider provider() {
    return dialect.provider();
  }

  /** Fetches the URL with the admin key and parses the 2xx body as JSON. */
  public JsonResponse get(HttpUrl url, SecretBytes adminKey) {
    Request.Builder builder = new Request.Builder().url(url).get();
    builder.header("Accept", "application/json");
    dialect.addHeaders(builder, AdminKeyHeader.reveal(provider(), adminKey));
    Request request = builder.build();

    LOG.debug("Sending GET to {} path {}", provider().id(), url.encodedPath());
    try (Response response = client.newCall(request).execute()) {
      return handle(response, adminKey);
    } catch (ResponseTooLargeException e) {
      throw new ProviderResponseInvalidException(provider(), 0, null, null, e.getMessage(), e);
    } catch (InterruptedIOException e) {
      throw timedOut(0, null, e);
    } catch (IOException e) {
      LOG.debug("GET to {} path {} failed: {}", provider().id(), url.encodedPath(), e.toString());
      throw unavailable(0, null, connectionFailure(e), e);
    }
  }

  /** Names why no response arrived: a rejected address, a failed TLS handshake or another error. */
  private static String connectionFailure(IOException e) {
    AddressRejectedException rejected = find(e, AddressRejectedException.class);
    if (rejected != null) {
      return rejected.getMessage();
    }
    if (find(e, SSLHandshakeException.class) != null
        || find(e, SSLPeerUnverifiedException.class) != null) {
      return "the TLS handshake with the provider failed: the host must offer TLS 1.2 or 1.3 and a"
          + " certificate for its name that the JDK trusts";
    }
    return "the connection to the provider failed";
  }

  /**
   * Returns the first exception of the type among the error, its causes and their suppressed
   * exceptions, where OkHttp puts the failures of further addresses of the same host.
   */
  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    Deque<Throwable> pending = new ArrayDeque<>(List.of(error));
    Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!pending.isEmpty()) {
      Throwable next = pending.removeFirst();
      if (!visited.add(next)) {
        continue;
      }
      if (type.isInstance(next)) {
        return type.cast(next);
      }
      if (next.getCause() != null) {
        pending.addLast(next.getCause());
      }
      pending.addAll(List.of(next.getSuppressed()));
    }
    return null;
  }

  private JsonResponse handle(Response response, SecretBytes adminKey) {
    int status = response.code();
    String requestId = SafeText.token(response.header(dialect.requestIdHeader()), adminKey);
    LOG.debug("Received HTTP {} from {} with request id {}", status, provider().id(), requestId);
    if (!response.isSuccessful()) {
      throw ErrorResponses.toException(dialect, response, requestId, adminKey, clock.instant());
    }

    byte[] body = readBody(response, status, requestId);
    try {
      JsonNode tree = ProviderJson.parse(body);
      if (tree == null || !tree.isObject()) {
        throw invalid(status, requestId, "the response body is not a JSON object");
      }
      return new JsonResponse(provider(), status, requestId, tree);
    } catch (JacksonException e) {
      throw invalid(status, requestId, "the response body is malformed JSON" + where(e));
    } catch (IOException e) {
      throw invalid(status, requestId, "the response body could not be parsed");
    }
  }

  private byte[] readBody(Response response, int status, String requestId) {
    try {
      return response.body().bytes();
    } catch (ResponseTooLargeException e) {
      throw new ProviderResponseInvalidException(
          provider(), status, null, requestId, e.getMessage(), e);
    } catch (InterruptedIOException e) {
      throw timedOut(status, requestId, e);
    } catch (IOException e) {
      throw unavailable(status, requestId, "the response body could not be read", e);
    }
  }

  /** Names the parse failure and its position but never quotes the input. */
  private static String where(JacksonException e) {
    JsonLocation location = e.getLocation();
    String kind = e.getClass().getSimpleName();
    if (location == null) {
      return " (" + kind + ")";
    }
    return " ("
        + kind
        + " at line "
        + location.getLineNr()
        + ", column "
        + location.getColumnNr()
        + ")";
  }

  private ProviderUnavailableException timedOut(int status, String requestId, IOException e) {
    String summary =
        e instanceof SocketTimeoutException
            ? "the provider did not answer within the connect or read timeout"
            : "the call did not finish within the call timeout";
    return unavailable(status, requestId, summary, e);
  }

  private ProviderUnavailableException unavailable(
      int status, String requestId, String summary, IOException e) {
    return new ProviderUnavailableException(provider(), status, null, requestId, summary, e);
  }

  private ProviderResponseInvalidException invalid(int status, String requestId, String summary) {
    return new ProviderResponseInvalidException(provider(), status, null, requestId, summary, null);
  }
}
