package dev.reckon.worker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Sums what the provider sandbox reports over HTTP, with the JDK's own client and plain JSON
 * walking, independently of Reckon's provider clients, so the end-to-end test compares Reckon's
 * report with a second reading of the same responses.
 */
final class SandboxTotals {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  long inputTokens;
  long outputTokens;
  long requests;
  BigDecimal billedUsd = BigDecimal.ZERO;

  static SandboxTotals openAi(
      String baseUrl, String key, Instant start, Instant usageEnd, Instant costEnd)
      throws IOException, InterruptedException {
    SandboxTotals totals = new SandboxTotals();
    String usage =
        baseUrl
            + "/organization/usage/completions?bucket_width=1h&limit=168&start_time="
            + start.getEpochSecond()
            + "&end_time="
            + usageEnd.getEpochSecond();
    for (JsonNode page : pages(usage, "Authorization", "Bearer " + key)) {
      for (JsonNode bucket : page.path("data")) {
        for (JsonNode row : bucket.path("results")) {
          totals.inputTokens += row.path("input_tokens").asLong();
          totals.outputTokens += row.path("output_tokens").asLong();
          totals.requests += row.path("num_model_requests").asLong();
        }
      }
    }
    String costs =
        baseUrl
            + "/organization/costs?bucket_width=1d&limit=180&start_time="
            + start.getEpochSecond()
            + "&end_time="
            + costEnd.getEpochSecond();
    for (JsonNode page : pages(costs, "Authorization", "Bearer " + key)) {
      for (JsonNode bucket : page.path("data")) {
        for (JsonNode row : bucket.path("results")) {
          totals.billedUsd = totals.billedUsd.add(row.path("amount").path("value").decimalValue());
        }
      }
    }
    return totals;
  }

  static SandboxTotals anthropic(
      String baseUrl, String key, Instant start, Instant usageEnd, Instant costEnd)
      throws IOException, InterruptedException {
    SandboxTotals totals = new SandboxTotals();
    String usage =
        baseUrl
            + "/v1/organizations/usage_report/messages?bucket_width=1h&limit=168&starting_at="
            + encode(start)
            + "&ending_at="
            + encode(usageEnd);
    for (JsonNode page : pages(usage, "x-api-key", key)) {
      for (JsonNode bucket : page.path("data")) {
        for (JsonNode row : bucket.path("results")) {
          JsonNode cacheCreation = row.path("cache_creation");
          totals.inputTokens +=
              row.path("uncached_input_tokens").asLong()
                  + row.path("cache_read_input_tokens").asLong()
                  + cacheCreation.path("ephemeral_5m_input_tokens").asLong()
                  + cacheCreation.path("ephemeral_1h_input_tokens").asLong();
          totals.outputTokens += row.path("output_tokens").asLong();
        }
      }
    }
    String costs =
        baseUrl
            + "/v1/organizations/cost_report?bucket_width=1d&limit=31&starting_at="
            + encode(start)
            + "&ending_at="
            + encode(costEnd);
    for (JsonNode page : pages(costs, "x-api-key", key)) {
      for (JsonNode bucket : page.path("data")) {
        for (JsonNode row : bucket.path("results")) {
          // Anthropic reports cost in cents, as a decimal string.
          totals.billedUsd =
              totals.billedUsd.add(new BigDecimal(row.path("amount").asText()).movePointLeft(2));
        }
      }
    }
    return totals;
  }

  private static java.util.List<JsonNode> pages(String firstUrl, String header, String value)
      throws IOException, InterruptedException {
    java.util.List<JsonNode> pages = new java.util.ArrayList<>();
    String url = firstUrl;
    while (true) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .header(header, value)
              .header("anthropic-version", "2023-06-01")
              .build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "sandbox answered " + response.statusCode() + " for " + url);
      }
      JsonNode page = JSON.readTree(response.body());
      pages.add(page);
      if (!page.path("has_more").asBoolean()) {
        return pages;
      }
      url =
          firstUrl
              + "&page="
              + URLEncoder.encode(page.path("next_page").asText(), StandardCharsets.UTF_8);
    }
  }

  private static String encode(Instant instant) {
    return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
  }
}
