package dev.reckon.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A plain HTTP client for tests: sends GETs as a provider client would and parses JSON. */
final class SandboxHttp {

  /** A fixed "now" in the middle of an hour, so the current hour is partly elapsed. */
  static final Instant NOW = Instant.parse("2026-11-20T15:27:41Z");

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ProviderSandbox sandbox;

  SandboxHttp(ProviderSandbox sandbox) {
    this.sandbox = sandbox;
  }

  static ProviderSandbox start() {
    return ProviderSandbox.start(SandboxSettings.defaults().withClock(CLOCK));
  }

  /** Sends a GET to an OpenAI path with a bearer key; a null key sends no header. */
  HttpResponse<byte[]> openAi(String pathAndQuery, String key) {
    HttpRequest.Builder request = request(sandbox.openAiBaseUrl() + pathAndQuery);
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return send(request.GET().build());
  }

  /** Sends a GET to an Anthropic path with {@code x-api-key} and {@code anthropic-version}. */
  HttpResponse<byte[]> anthropic(String pathAndQuery, String key) {
    HttpRequest.Builder request =
        request(sandbox.anthropicBaseUrl() + pathAndQuery)
            .header("anthropic-version", "2023-06-01");
    if (key != null) {
      request.header("x-api-key", key);
    }
    return send(request.GET().build());
  }

  HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
  }

  /** Follows {@code next_page} from the first page until {@code has_more} is false. */
  List<JsonNode> allPages(String pathAndQuery, SandboxAdminKey key) {
    List<JsonNode> pages = new ArrayList<>();
    String cursor = null;
    do {
      String url = pathAndQuery + (cursor == null ? "" : "&page=" + encode(cursor));
      JsonNode page = json(get(url, key));
      pages.add(page);
      cursor = page.get("has_more").asBoolean() ? page.get("next_page").asText() : null;
      if (pages.size() > 10_000) {
        throw new IllegalStateException("pagination does not end for " + pathAndQuery);
      }
    } while (cursor != null);
    return pages;
  }

  /** Sends a GET with the key's provider conventions and requires status 200. */
  HttpResponse<byte[]> get(String pathAndQuery, SandboxAdminKey key) {
    HttpResponse<byte[]> response =
        key.provider() == SandboxProvider.OPENAI
            ? openAi(pathAndQuery, key.key())
            : anthropic(pathAndQuery, key.key());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + pathAndQuery + " returned " + response.statusCode() + ": " + text(response));
    }
    return response;
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static SandboxAdminKey key(ProviderSandbox sandbox, SandboxProvider provider, int index) {
    return sandbox.adminKeys().stream()
        .filter(key -> key.provider() == provider)
        .skip(index)
        .findFirst()
        .orElseThrow();
  }
}
