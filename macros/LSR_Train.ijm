// Trains a LabelSR model on a data set folder.
//   ImageJ -batch /abs/path/LSR_Train.ijm "data=/path/to/dataset model=/path/to/model loss=intra steps=1000"
// The argument is passed to "Train LSR Model" as it is: any of its keys
// (steps, seed, batch_groups, group_size, learning_rate, depth, filters, rounds, ...).
// rounds=3, the default, trains the recipe (the loss, then two label-guided
// refinements, each of the round before); rounds=1 one round of the loss.
// With first=<model folder> it refines that model instead ("Refine LSR Model":
// a network trained on the first one's guided predictions of the training
// images; keys first, guide, flips, steps, seed, depth, filters, ...).
// Without an argument it asks for the two folders.
args = getArgument();
if (args == "") {
	data = getDirectory("Data set folder (labels.csv, train/)");
	model = getDirectory("Model folder to write");
	args = "data=[" + data + "] model=[" + model + "] loss=intra";
}
if (indexOf(args, "data=") < 0 || indexOf(args, "model=") < 0)
	fail("LSR_Train: give at least data=<data set folder> model=<model folder>, e.g. \"data=/d model=/m steps=500\"");
start = getTime();
command = "Train LSR Model";
if (indexOf(" " + args, " first=") >= 0) command = "Refine LSR Model";
run(command, args);
model = option(args, "model", "");
if (!File.exists(model + File.separator + "model.json"))
	fail("LSR_Train: no model was written to " + model + " (see the messages above)");
print("LSR_Train: model written to " + model + " in " + d2s((getTime() - start) / 1000, 1) + " s");
print("LSR_Train: OK");

// The value of key= in an option string; [bracketed] values may hold spaces.
function option(args, key, fallback) {
	i = indexOf(" " + args, " " + key + "=");
	if (i < 0) return fallback;
	rest = substring(args, i + lengthOf(key) + 1);
	if (startsWith(rest, "[")) return substring(rest, 1, indexOf(rest, "]"));
	j = indexOf(rest, " ");
	if (j < 0) return rest;
	return substring(rest, 0, j);
}

// Stops the macro with a message; headless, ImageJ then exits with status 1 (see README, Fiji).
function fail(message) {
	call("org.labelsr.fiji.Failure.macroFailed", message);
	exit(message);
}
