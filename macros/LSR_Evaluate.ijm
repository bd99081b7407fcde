// Evaluates a folder of predictions (NAME.classes.png) against truth maps
// (NAME.truth.png, or a data set folder whose test/ holds them) and prints
// IoU and DICE of the foreground class (1) from the Results table.
//   ImageJ -batch /abs/path/LSR_Evaluate.ijm "pred=/predictions truth=/dataset mask_distance=32"
args = getArgument();
if (args == "") {
	pred = getDirectory("Predictions folder");
	truth = getDirectory("Truth folder (or data set)");
	args = "pred=[" + pred + "] truth=[" + truth + "]";
}
if (indexOf(args, "pred=") < 0 || indexOf(args, "truth=") < 0)
	fail("LSR_Evaluate: give pred=<predictions folder> truth=<truth folder or data set>");
run("Evaluate LSR Segmentation", args);
if (nResults < 2) fail("LSR_Evaluate: no results (see the messages above)");
print("LSR_Evaluate: " + getResultLabel(1) + " IoU " + d2s(getResult("IoU", 1), 4) + "  DICE " + d2s(getResult("DICE", 1), 4)
	+ "  masked IoU " + d2s(getResult("Masked IoU", 1), 4) + "  masked DICE " + d2s(getResult("Masked DICE", 1), 4));
print("LSR_Evaluate: OK");

// Stops the macro with a message; headless, ImageJ then exits with status 1 (see README, Fiji).
function fail(message) {
	call("org.labelsr.fiji.Failure.macroFailed", message);
	exit(message);
}
