package dev.castline.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints the shell completion script (bash and zsh).", "Load it with:",
            "  source <(castline completion)",
            "or save it, e.g. castline completion > /etc/bash_completion.d/castline"})
final class CompletionCommand implements Callable<Integer> {
    @ParentCommand
    Castline root;

    @Override
    public Integer call() {
        CommandLine cli = Castline.commandLine(new Castline(root.env));
        root.env.out().print(AutoComplete.bash("castline", cli));
        root.env.out().flush();
        return Exit.OK;
    }
}
