package dev.reckon.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Projects rows onto the requested grouping dimensions and orders the groups. */
final class Grouping {

  /**
   * Orders group keys field by field, null first, so every response lists its rows in the same
   * order.
   */
  static final Comparator<List<Object>> KEY_ORDER = Grouping::compareKeys;

  private Grouping() {}

  /**
   * Returns the values of {@code fields} in order, keeping only those in {@code grouped} and
   * putting null in place of the others, as the providers do for dimensions not grouped by.
   */
  static List<Object> key(
      Map<String, Object> dimensions, List<String> fields, Collection<String> grouped) {
    List<Object> key = new ArrayList<>(fields.size());
    for (String field : fields) {
      key.add(grouped.contains(field) ? dimensions.get(field) : null);
    }
    return key;
  }

  private static int compareKeys(List<Object> left, List<Object> right) {
    for (int i = 0; i < left.size(); i++) {
      int order = compareValues(left.get(i), right.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.size(), right.size());
  }

  private static int compareValues(Object left, Object right) {
    if (left == null && right == null) {
      return 0;
    }
    if (left == null) {
      return -1;
    }
    if (right == null) {
      return 1;
    }
    return left.toString().compareTo(right.toString());
  }
}
