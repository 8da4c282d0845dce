package dev.castline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code castline import}: a show's back catalogue from another host's feed, or from a folder of episode files. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Brings an existing show to Castline.",
            "'import feed URL|FILE' imports every episode of another host's RSS feed,",
            "keeping guids, dates and audio URLs; 'import markdown DIR' pushes a folder",
            "of episode files. Both can run again: what is there already is left as is."},
        subcommands = {ImportFeedCommand.class, ImportMarkdownCommand.class})
final class ImportCommand implements Runnable {
    @ParentCommand
    Castline root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "import needs 'feed' or 'markdown'");
    }
}
