// The text of `--help` for each command.

export const TRAIN_HELP = `Train a neural network on a CSV file.

Usage: npm run train -- [options]
With no options: the tutorial's Keras recipe on datasets/diabetes.csv.

  --csv FILE             the table to learn from (a header row, or none with --label as a position)
  --label COLUMN         the column to predict: its header name, or its 0-based position
  --features a,b,c       the columns to learn from (default: every other column)
  --task auto|regression auto follows the label; regression predicts a numeric label as a number
  --layers 16:relu,8:relu  hidden layers as UNITS:ACTIVATION (default: suggested for the data)
  --init NAME            initializer of every layer: random_uniform, random_normal, glorot_uniform, glorot_normal,
                         he_uniform, he_normal, zeros
  --optimizer NAME       sgd, rmsprop or adam
  --lr X                 learning rate (default: the suggested one; with --optimizer, that optimizer's usual one)
  --l2 X                 penalty on large weights, against memorising the rows (default: the suggested one; 0: none)
  --loss NAME|auto       sse, mse, binary_crossentropy, categorical_crossentropy; auto follows the label
  --epochs N             passes over the training rows
  --batch N              rows per weight update
  --class-weights none|balanced  balanced gives a rare class as much say as a common one (classes only)
  --validation FRACTION  rows held out to watch for over-fitting (e.g. 0.2)
  --test FRACTION        rows held out for the final score (e.g. 0.2)
  --scale standard|minmax|none  how the inputs are scaled
  --zeros-missing a,b    columns where 0 means "not measured" (default with --csv: those where it looks so; none: no
                         column)
  --skip-bad-rows        leave out rows with too many or too few values instead of stopping
  --seed N               makes the run repeatable
  --from FILE.json       go on learning from these weights (train --out, the app's Export) instead of new ones;
                         the label, input columns and layers are theirs unless given, --epochs says how many more
  --project FILE.neuron  go on learning from a run of this project, on its own table and model (with --epochs,
                         --out, --save, --json only); --save FILE.neuron keeps the project with the new run
  --run NAME             with --project: the run to go on from, by its name (default: its latest finished run)
  --search quick|thorough  find a good network instead: candidates (0 to 3 hidden layers, widths, activation,
                         learning rate, L2, dropout, batch size, class weights) scored by 5-fold cross-validation
                         on the training rows, the best retrained on them all; quick takes about 10 seconds on the
                         diabetes example with 2 cores, thorough about a minute. Keeps 20% of the rows for the final
                         test unless --test says otherwise; chooses --layers, --lr, --epochs, --batch itself
  --folds K              also K-fold cross-validation (K from 2, e.g. 5): K more models, each scored on rows it never
                         saw, for the mean and spread of the score
  --workers N            how many trainings run at once (default: the number of cores)
  --out FILE.json        write the weights file
  --save FILE.neuron     write a project file with this run
  --json                 end with one line of JSON: epochs, times, last metrics, stopReason, verdict (and "cv" with --folds)

After training it says how the run went: diverged, memorising the training rows, not learning, or learned, and
what to try.

Exit codes: 0 trained, and the files asked for written; 2 a problem with the input or the settings, a run that
diverged included (nothing is written; with --json its line still says "stopReason": "diverged"); 130 stopped
with Ctrl+C (nothing is written); 1 something went wrong on our side.
`;

export const PREDICT_HELP = `Predict with a trained network.

Usage: npm run predict -- --weights FILE.json (--input 3,4 | --csv FILE) [--json] [--out FILE.csv]
       npm run predict -- --project FILE.neuron [--run NAME] (--input ... | --csv FILE) [--json] [--out FILE.csv]
       add --explain to say why each answer (with --weights, also --background FILE.csv)

  --weights FILE.json    a weights file written by train --out or the app's Export
  --project FILE.neuron  a project file: uses the weights of its latest finished run
  --run NAME             with --project: the run to use, by its name (e.g. "Run 2")
  --input 3,4            one row: the input values in the model's order, separated by commas
  --csv FILE             many rows: a header row naming the model's inputs (other columns are kept but not used)
  --json                 print one JSON array, one object per row
  --out FILE.csv         write the rows with the predictions appended, as the app does (e.g. "predicted Outcome",
                         "probability of Outcome = 1")
  --explain              say what moved each answer away from the average answer, input by input (Shapley values:
                         the shares add up to the answer minus the average); --json rows gain "base" (the average
                         answer) and "contributions" ({ input: share }), in the answer's units (a chance, or the value)
  --background FILE.csv  with --explain and --weights: rows like the training rows (at most 100 of them are used), the
                         average answer is theirs; with --project the run's own training rows are used
`;

export const EXPORT_HELP = `Export a trained network for other tools.

Usage: npm run export -- --weights FILE.json (--tfjs FOLDER | --onnx FILE.onnx | --html FILE.html ...)
       npm run export -- --project FILE.neuron [--run NAME] (--tfjs ... | --onnx ... | --html ... | --out FILE.json)

  --weights FILE.json    a weights file written by train --out or the app's Export
  --project FILE.neuron  a project file: uses its latest finished run
  --run NAME             with --project: the run to export, by its name (e.g. "Run 2")
  --tfjs FOLDER          TensorFlow.js: model.json, weights.bin and preparation.json in a new (or an earlier export's)
                         folder, for tf.loadLayersModel in a web page or Node (docs/export-tfjs.md)
  --onnx FILE.onnx       ONNX: one file taking the raw input values by name, for onnxruntime in Python and elsewhere
                         (docs/export-onnx.md)
  --precision 32|64      the ONNX model's numbers: 32 bits (default; every runtime, phones included) or 64
  --html FILE.html       the calculator page: one web page that answers a case, says why, and states the model's
                         limits, offline in any browser (docs/export-calculator.md)
  --background FILE.csv  with --html and --weights: rows like the training rows (at most 100 are used); the page's
                         "why" compares each answer with the average answer over them
  --out FILE.json        the weights file itself (e.g. a project's run)

Several formats can be written at once. Exit codes: 0 written; 2 a problem with the input, or a format that cannot
carry this model (it says why, and nothing of that format is written); 1 something went wrong on our side.
`;
