package dev.castline.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code castline}: the host's command-line tool. */
@Command(name = "castline", mixinStandardHelpOptions = true, version = "castline 0.1.0",
        description = {
            "Write each episode as a Markdown file with YAML front matter; push it with its audio in one command.",
            "Connects to a Castline admin API: log in once (castline login), then push, pull and manage episodes."},
        subcommands = {
            LoginCommand.class,
            PushCommand.class,
            PullCommand.class,
            EpisodesCommand.class,
            ShowCommand.class,
            PublishCommand.class,
            UnpublishCommand.class,
            RmCommand.class,
            UploadCommand.class,
            ImportCommand.class,
            OpenCommand.class,
            TranscriptCommand.class,
            StatsCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  CASTLINE_API       the admin API's base URL (overrides the profile's)",
            "  CASTLINE_TOKEN     the admin token (overrides the profile's)",
            "  CASTLINE_PROFILE   the profile to use when --profile is not given",
            "  XDG_CONFIG_HOME    where profiles are kept: $XDG_CONFIG_HOME/castline/",
            "                     (default ~/.config/castline/profiles.json)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:unexpected failure",
            "2:usage: bad options, an unreadable episode file, a field the API refused, audio refused",
            "3:not found",
            "4:conflict: slug taken, changed meanwhile, or not ready (no audio)",
            "5:auth: no profile or token, or the token was refused",
            "6:server: the API failed or could not be reached",
            "130:interrupted (Ctrl-C)"})
public final class Castline implements Runnable {
    final Env env;
    /** The upload in flight, so Ctrl-C can stop it cleanly. */
    volatile Uploader activeUpload;

    Castline(Env env) {
        this.env = env;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: castline --help lists them");
    }

    /** Runs one command line as the shell would, and returns its exit code. */
    public static int run(Env env, String... args) {
        return run(new Castline(env), args);
    }

    static int run(Castline root, String... args) {
        CommandLine cli = commandLine(root);
        return cli.execute(args);
    }

    static CommandLine commandLine(Castline root) {
        Env env = root.env;
        CommandLine cli = new CommandLine(root);
        cli.setOut(new PrintWriter(env.out(), true));
        cli.setErr(new PrintWriter(env.err(), true));
        cli.setParameterExceptionHandler((e, args) -> {
            env.err().println("castline: " + e.getMessage());
            CommandLine command = e.getCommandLine();
            env.err().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return Exit.USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof Exit.Failure failure) {
                env.err().println("castline: " + failure.getMessage());
                return failure.code();
            }
            env.err().println("castline: unexpected error: " + e);
            return Exit.FAILURE;
        });
        return cli;
    }

    public static void main(String[] args) {
        Castline root = new Castline(Env.system());
        CountDownLatch finished = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Uploader upload = root.activeUpload;
            if (upload != null && finished.getCount() > 0) {
                upload.cancel();
                main.interrupt();
                try {
                    finished.await(3, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // leaving anyway
                }
                System.err.println("castline: upload interrupted; parts already stored are kept: run the same command again to resume");
            }
        }, "castline-interrupt"));
        int code;
        try {
            code = run(root, args);
        } finally {
            finished.countDown();
        }
        System.exit(code);
    }
}
