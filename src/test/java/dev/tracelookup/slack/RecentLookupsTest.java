package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.RequestTokens;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.render.HomeView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class RecentLookupsTest {
  private static final Pattern IDS = Pattern.compile("[A-Za-z0-9_.:@+-]{1,128}");
  private static final Instant AT = Instant.parse("2026-02-06T14:40:00Z");
  private final RecentLookups recents = recents("key shared by every replica");

  private static RecentLookups recents(String key) {
    return new RecentLookups(
        new RequestTokens(IDS, Duration.ofHours(168), key.getBytes(StandardCharsets.UTF_8)));
  }

  private static RecentLookups.Entry entry(String userId, int minutesAgo, String basis) {
    Instant from = Instant.parse("2026-02-06T14:00:00Z");
    LookupRequest request =
        new LookupRequest(
            userId,
            new TimeWindow(
                from,
                from.plusSeconds(1800),
                ZoneId.of("America/New_York"),
                basis,
                Optional.empty()),
            Optional.of("checkout"),
            Optional.empty(),
            false);
    return new RecentLookups.Entry(
        AT.minusSeconds(60L * minutesAgo), request, HomeView.Outcome.FAILED, 3);
  }

  @Test
  void encode_thenDecode_givesTheSameListBack() {
    List<RecentLookups.Entry> entries = List.of(entry("usr_a", 1, "2:15pm"), entry("usr_b", 5, ""));

    assertThat(recents.decode(recents.encode(entries))).isEqualTo(entries);
  }

  @Test
  void encode_tenLookupsWithLongTexts_dropsTheOldestToFitSlacksMetadataLimit() {
    List<RecentLookups.Entry> entries = new ArrayList<>();
    for (int i = 0; i < HomeView.MAX_RECENT; i++) {
      entries.add(entry("usr_" + "x".repeat(100) + i, i, "around " + "2:15pm ".repeat(20)));
    }

    String metadata = recents.encode(entries);

    assertThat(metadata.length()).isLessThanOrEqualTo(HomeView.MAX_METADATA);
    List<RecentLookups.Entry> kept = recents.decode(metadata);
    assertThat(kept).isNotEmpty().hasSizeLessThan(entries.size());
    assertThat(kept).isEqualTo(entries.subList(0, kept.size()));
  }

  @Test
  void decode_entrySignedByAnotherKeyOrEdited_isDropped() {
    String theirs = recents("another deployment").encode(List.of(entry("usr_a", 1, "")));
    String edited = recents.encode(List.of(entry("usr_a", 1, ""))).replace("usr_a", "usr_b");

    assertThat(recents.decode(theirs)).isEmpty();
    assertThat(recents.decode(edited)).isEmpty();
    assertThat(recents.decode("not json")).isEmpty();
    assertThat(recents.decode("")).isEmpty();
  }

  @Test
  void merged_sameLookupTwice_keepsItsLatestRunNewestFirstAtMostTen() {
    List<RecentLookups.Entry> older = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      older.add(entry("usr_" + i, i + 10, ""));
    }
    RecentLookups.Entry again = entry("usr_3", 0, "");

    List<RecentLookups.Entry> merged = RecentLookups.merged(older, List.of(again));

    assertThat(merged).hasSize(HomeView.MAX_RECENT).first().isEqualTo(again);
    assertThat(merged.stream().filter(e -> e.request().userId().equals("usr_3"))).hasSize(1);
  }
}
