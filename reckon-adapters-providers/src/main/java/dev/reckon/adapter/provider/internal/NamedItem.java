package dev.reckon.adapter.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An id and optional name from a provider's list endpoint (projects, workspaces, API keys).
 *
 * @param name the display name, null when the provider has none
 */
public record NamedItem(String id, String name) {

  /**
   * Reads a page of the list envelope both providers share: {@code data} items with {@code id} and
   * {@code name}, {@code has_more}, and {@code last_id} as the cursor for the next page.
   */
  public static Page<NamedItem> readPage(JsonResponse response, String listName) {
    JsonFields fields = new JsonFields(response);
    JsonNode body = response.body();
    List<NamedItem> items = new ArrayList<>();
    int index = 0;
    for (JsonNode item : fields.requireArray(body, "data", "the " + listName + " page")) {
      String where = listName + " item " + index++;
      String id = fields.requireText(item, "id", where);
      items.add(new NamedItem(id, fields.optionalText(item, "name", where)));
    }

    boolean hasMore = fields.requireBoolean(body, "has_more", "the " + listName + " page");
    String lastId = fields.optionalText(body, "last_id", "the " + listName + " page");
    return new Page<>(items, hasMore, lastId, null, response);
  }

  public boolean hasName() {
    return name != null && !name.isBlank();
  }
}
