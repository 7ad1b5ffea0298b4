package dev.tracelookup.command;

import dev.tracelookup.time.DurationFormat;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the bot shows for {@code /trace-lookup help}: every form the parser reads, in Slack mrkdwn.
 */
public final class CommandSyntax {

  /** Commands that show each form; every one is read by {@link LookupRequestParser}. */
  public static final List<String> EXAMPLES =
      List.of(
          "usr_k8x9m2 2:15pm",
          "usr_k8x9m2 2:15 PM tz America/New_York",
          "usr_k8x9m2 yesterday 3pm service checkout errors",
          "usr_k8x9m2 2026-02-06 14:15 tz=Europe/Paris",
          "usr_k8x9m2 2026-02-06T14:17:23Z",
          "usr_k8x9m2 14:00-14:30 UTC",
          "usr_k8x9m2 2pm to 2:30pm PT",
          "usr_k8x9m2 2026-02-06T14:00Z..2026-02-06T14:30Z",
          "usr_k8x9m2 30m ago window 1h",
          "usr_k8x9m2 Feb 6 2:15pm",
          "usr_k8x9m2 yesterday afternoon",
          "usr_k8x9m2 2026-02-06 action \"POST /api/v1/orders\"");

  private CommandSyntax() {}

  /**
   * Returns the help text.
   *
   * @param defaultHalfWindow how far either side of a time the parser searches by default
   * @param defaultRecent how far back it searches when no time is given
   */
  public static String usage(Duration defaultHalfWindow, Duration defaultRecent) {
    String examples =
        EXAMPLES.stream().map(e -> "• `/trace-lookup " + e + "`").collect(Collectors.joining("\n"));
    return "*Find a customer's failing request:* `/trace-lookup <user-id> [time] [zone]"
        + " [options]`\n"
        + "*Time*, read in your Slack time zone unless you name one:\n"
        + "• a moment, searched ±"
        + DurationFormat.prose(defaultHalfWindow)
        + ": `2:15pm`, `2:15 PM`, `14:15`, `yesterday 3pm`, `today 9:00`, `2/6 2:15pm`, `2026-02-06"
        + " 14:15`, `Feb 6 2:15pm`, `6 Feb 14:15`, `2026-02-06T14:17:23Z`, `30m ago`, `an hour"
        + " ago`, `now`\n"
        + "• a part of a day: `this morning`, `this afternoon`, `last night`, `yesterday"
        + " afternoon`\n"
        + "• a range, taken as is: `14:00-14:30`, `2pm-2:30pm`, `14:00 to 14:30`, `2026-02-06"
        + " 14:00-14:30`, `2026-02-06T14:00Z..2026-02-06T14:30Z`\n"
        + "• a whole day: `2026-02-06`, `yesterday`\n"
        + "• nothing: the last "
        + DurationFormat.prose(defaultRecent)
        + "\n"
        + "A time of day that is still ahead today means yesterday.\n"
        + "*Zone:* `tz America/New_York`, `tz=Europe/Paris`, `UTC`, `UTC+2`, `+05:30`, `ET`, `CT`,"
        + " `MT`, `PT`, `BST`, `CET`, `IST`, `JST`, `AEST`\n"
        + "*Options:* `window 30m` or `±30m` (either side of the time; with no time, how far back),"
        + " `service checkout`, `action \"POST /api/v1/orders\"`, `errors`\n"
        + "*Examples:*\n"
        + examples
        + "\n"
        + "Pasting a sentence works too (\"Customer `usr_k8x9m2` says checkout failed at 2:15pm\");"
        + " when I am not sure what it says, I offer the form prefilled.\n"
        + "Have a ticket link instead? Use the *Find traces* shortcut on the message that has it.";
  }
}
