package dev.reckon.sandbox;

import java.time.Instant;

/**
 * An OpenAI project or an Anthropic workspace.
 *
 * @param archivedAt when the project was archived, or null; usage stops at that instant
 * @param displayColor the workspace color Anthropic shows, or null for OpenAI
 */
record Project(String id, String name, Instant createdAt, Instant archivedAt, String displayColor) {

  boolean isArchivedAt(Instant now) {
    return archivedAt != null && !archivedAt.isAfter(now);
  }
}
