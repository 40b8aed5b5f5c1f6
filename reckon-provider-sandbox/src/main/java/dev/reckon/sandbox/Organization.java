package dev.reckon.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One seeded provider organization: the admin key that reads it, its projects or workspaces, its
 * keys, members, models and usage streams.
 *
 * @param index the organization's position among those of its provider, part of every usage hash
 * @param utcOffsetHours the offset of the organization's working day from UTC
 * @param scaleTierDailyUsd the fixed daily OpenAI Scale Tier charge, or null when there is none
 */
record Organization(
    SandboxProvider provider,
    int index,
    String id,
    String name,
    String adminKey,
    int utcOffsetHours,
    List<Member> members,
    List<Project> projects,
    List<ApiKey> apiKeys,
    List<String> models,
    List<UsageStream> streams,
    BigDecimal scaleTierDailyUsd) {

  Optional<Project> project(String projectId) {
    return projects.stream().filter(project -> project.id().equals(projectId)).findFirst();
  }

  SandboxAdminKey adminKeyEntry() {
    return new SandboxAdminKey(provider, adminKey, id, name);
  }

  // The default record text would contain the admin key.
  @Override
  public String toString() {
    return "Organization[provider=" + provider.id() + ", id=" + id + ", name=" + name + "]";
  }
}
