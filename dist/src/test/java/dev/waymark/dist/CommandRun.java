package dev.waymark.dist;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the {@code waymark} command line, with what it printed. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine underTest = Waymark.commandLine();
        underTest.setOut(new PrintWriter(out, true));
        underTest.setErr(new PrintWriter(err, true));
        int exitCode = underTest.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
