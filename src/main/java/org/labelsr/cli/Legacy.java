package org.labelsr.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** A command that still reads its own arguments (until it declares its options). */
@Command
final class Legacy implements Callable<Integer> {

	private final ToIntFunction<String[]> run;

	@Unmatched
	List<String> args = new ArrayList<>();

	Legacy(final ToIntFunction<String[]> run) {
		this.run = run;
	}

	@Override
	public Integer call() {
		return run.applyAsInt(args.toArray(new String[0]));
	}
}
