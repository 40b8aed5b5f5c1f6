package dev.reckon.sandbox;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a naming list, cut by object id as the providers' list endpoints do.
 *
 * @param hasMore whether more objects lie beyond the page in the direction of paging
 */
record IdPage<T>(List<T> items, boolean hasMore) {

  /** Returns up to {@code limit} items after the one with id {@code afterId}, or from the start. */
  static <T> IdPage<T> after(
      List<T> items, Function<T, String> id, String afterId, String param, int limit) {
    int from = afterId == null ? 0 : indexOf(items, id, afterId, param) + 1;
    int to = Math.min(items.size(), from + limit);
    return new IdPage<>(List.copyOf(items.subList(from, to)), to < items.size());
  }

  /** Returns up to {@code limit} items just before the one with id {@code beforeId}. */
  static <T> IdPage<T> before(
      List<T> items, Function<T, String> id, String beforeId, String param, int limit) {
    int to = indexOf(items, id, beforeId, param);
    int from = Math.max(0, to - limit);
    return new IdPage<>(List.copyOf(items.subList(from, to)), from > 0);
  }

  private static <T> int indexOf(
      List<T> items, Function<T, String> id, String wanted, String param) {
    for (int i = 0; i < items.size(); i++) {
      if (id.apply(items.get(i)).equals(wanted)) {
        return i;
      }
    }
    throw ApiError.invalid(
        param,
        "Invalid value for '" + param + "': no object with id '" + wanted + "' in this list");
  }
}
