package dev.reckon.adapter.provider.anthropic;

import dev.reckon.adapter.provider.internal.NamedItem;
import dev.reckon.adapter.provider.internal.PageDrainer;
import dev.reckon.adapter.provider.internal.ProviderHttp;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.ports.out.FetchProgress;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Lists an Anthropic organization's workspaces, archived ones included, and its API keys in every
 * status, so usage of archived workspaces and revoked keys can still be named.
 */
final class AnthropicNames {

  static final int NAMES_PER_PAGE = 100;

  private final ProviderHttp http;
  private final HttpUrl baseUrl;
  private final PageDrainer drainer;

  AnthropicNames(ProviderHttp http, HttpUrl baseUrl, PageDrainer drainer) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.drainer = drainer;
  }

  List<EntityName> fetch(SecretBytes adminKey) {
    HttpUrl workspaces =
        list("v1/organizations/workspaces").addQueryParameter("include_archived", "true").build();
    HttpUrl apiKeys = list("v1/organizations/api_keys").build();

    List<EntityName> names = new ArrayList<>();
    addNamed(names, EntityName.Kind.PROJECT, drain(workspaces, "workspace", adminKey));
    addNamed(names, EntityName.Kind.API_KEY, drain(apiKeys, "API key", adminKey));
    return names;
  }

  private HttpUrl.Builder list(String path) {
    return baseUrl
        .newBuilder()
        .addPathSegments(path)
        .addQueryParameter("limit", Integer.toString(NAMES_PER_PAGE));
  }

  private List<NamedItem> drain(HttpUrl url, String listName, SecretBytes adminKey) {
    return drainer.drain(
        cursor -> {
          HttpUrl pageUrl =
              cursor == null ? url : url.newBuilder().addQueryParameter("after_id", cursor).build();
          return NamedItem.readPage(http.get(pageUrl, adminKey), listName);
        },
        FetchProgress.NONE);
  }

  private static void addNamed(
      List<EntityName> names, EntityName.Kind kind, List<NamedItem> items) {
    for (NamedItem item : items) {
      if (item.hasName()) {
        names.add(new EntityName(kind, item.id(), item.name()));
      }
    }
  }
}
