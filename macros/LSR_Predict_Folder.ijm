// Predicts every PNG/TIFF image of a folder in batch mode, as a person would
// one by one: open, Predict LSR Image, save. Writes into the output folder
//   NAME.classes.png  class index per pixel (what Evaluate LSR Segmentation reads)
//   NAME.prob.tif     one probability slice per class
//   NAME.overlay.jpg  the image with the predicted boundary drawn on it
//   ImageJ -batch /abs/path/LSR_Predict_Folder.ijm "model=/m input=/images out=/predictions"
// Optional: flips=true (average four mirrorings), guide=K (label-guided prediction
// from NAME.labels.png beside each image; see the README).
// An image that cannot be read is named and skipped; the others are predicted,
// and the macro then fails (status 1 when headless) listing the unreadable ones.
args = getArgument();
if (args == "") {
	model = getDirectory("Model folder");
	input = getDirectory("Folder of images");
	out = getDirectory("Output folder");
	tile = 0; // automatic: the largest tiles within the memory budget
	flips = "false";
	guide = "0";
}
else {
	model = option(args, "model", "");
	input = option(args, "input", "");
	out = option(args, "out", "");
	tile = option(args, "tile", "0");
	flips = option(args, "flips", "false");
	guide = option(args, "guide", "0");
}
extra = "";
if (flips == "true") extra = extra + " flips";
if (guide != "0") extra = extra + " guide=" + guide;
if (model == "" || input == "" || out == "")
	fail("LSR_Predict_Folder: give model=<model folder> input=<image folder> out=<output folder>");
if (!File.isDirectory(input)) fail("LSR_Predict_Folder: input=" + input + " is not a folder");
if (!endsWith(input, File.separator)) input = input + File.separator;
if (!endsWith(out, File.separator)) out = out + File.separator;
File.makeDirectory(out);
setBatchMode(true);
files = getFileList(input);
done = 0;
unreadable = "";
for (i = 0; i < files.length; i++) {
	f = files[i];
	lower = toLowerCase(f);
	if (!(endsWith(lower, ".png") || endsWith(lower, ".tif") || endsWith(lower, ".tiff"))) continue;
	if (endsWith(lower, ".labels.png") || endsWith(lower, ".truth.png") || endsWith(lower, ".classes.png") || endsWith(lower, ".prob.tif")) continue;
	name = substring(f, 0, lastIndexOf(f, "."));
	err = call("org.labelsr.fiji.ij1.MacroImages.open", input + f);
	if (err != "") {
		print("LSR_Predict_Folder: skipped " + err);
		unreadable = unreadable + " " + f;
		continue;
	}
	original = getImageID();
	run("Predict LSR Image", "model=[" + model + "] tile=" + tile + extra);
	if (nImages < 3) fail("LSR_Predict_Folder: prediction of " + f + " failed (see the messages above)");
	selectImage(name + ".classes");
	run("Grays"); // the values are class indices; a PNG with a colour table would be an indexed-colour file
	saveAs("PNG", out + name + ".classes.png");
	close();
	selectImage(name + ".prob");
	saveAs("Tiff", out + name + ".prob.tif");
	close();
	selectImage(original);
	run("Flatten");
	saveAs("Jpeg", out + name + ".overlay.jpg");
	close();
	selectImage(original);
	close();
	done++;
	print("LSR_Predict_Folder: " + done + " " + f);
}
if (unreadable != "") fail("LSR_Predict_Folder: could not read" + unreadable + " in " + input + " (" + done + " other image(s) predicted into " + out + ")");
if (done == 0) fail("LSR_Predict_Folder: no PNG or TIFF image in " + input);
print("LSR_Predict_Folder: predicted " + done + " image(s) into " + out);
print("LSR_Predict_Folder: OK");

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
