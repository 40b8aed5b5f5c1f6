package dev.reckon.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The decoded query parameters of a request, with repeated keys kept in order. */
final class QueryParams {

  private final Map<String, List<String>> values;

  private QueryParams(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Parses a raw query string such as {@code a=1&group_by=model&group_by=project_id}. */
  static QueryParams parse(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new QueryParams(values);
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return new QueryParams(values);
  }

  /** Rejects the first parameter whose name is not in {@code known}. */
  void rejectUnknown(Set<String> known) {
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw ApiError.invalid(name, "Unrecognized request argument supplied: " + name);
      }
    }
  }

  /** Returns the value of a parameter that may appear at most once. */
  Optional<String> single(String name) {
    List<String> given = values.getOrDefault(name, List.of());
    if (given.size() > 1) {
      throw ApiError.invalid(
          name, "'" + name + "' must be given at most once (was given " + given.size() + " times)");
    }
    return given.stream().findFirst();
  }

  String required(String name) {
    return single(name)
        .orElseThrow(() -> ApiError.invalid(name, "Missing required parameter: '" + name + "'"));
  }

  /** Returns every value of a repeated parameter, in request order. */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  OptionalLong optionalLong(String name) {
    Optional<String> text = single(name);
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text.get()));
    } catch (NumberFormatException e) {
      throw ApiError.invalid(
          name, "Invalid value for '" + name + "': expected an integer (was '" + text.get() + "')");
    }
  }

  /**
   * Parses {@code true} or {@code false}, or returns {@code fallback} when the parameter is absent.
   */
  boolean optionalBoolean(String name, boolean fallback) {
    Optional<String> text = single(name);
    if (text.isEmpty()) {
      return fallback;
    }
    if (!text.get().equals("true") && !text.get().equals("false")) {
      throw ApiError.invalid(
          name,
          "Invalid value for '" + name + "': expected true or false (was '" + text.get() + "')");
    }
    return Boolean.parseBoolean(text.get());
  }

  /**
   * Returns a short hash of the path and every parameter except {@code page}, independent of their
   * order, so a page cursor can be bound to the query that produced it.
   */
  String fingerprint(String path) {
    List<String> pairs = new ArrayList<>();
    values.forEach(
        (name, list) -> {
          if (!name.equals("page")) {
            list.forEach(value -> pairs.add(name + "=" + value));
          }
        });
    pairs.sort(null);
    String canonical = path + "?" + String.join("&", pairs);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
