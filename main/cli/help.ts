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
  --lr X                 learning rate (default: the optimizer's usual one)
  --loss NAME|auto       sse, mse, binary_crossentropy, categorical_crossentropy; auto follows the label
  --epochs N             passes over the training rows
  --batch N              rows per weight update
  --validation FRACTION  rows held out to watch for over-fitting (e.g. 0.2)
  --test FRACTION        rows held out for the final score (e.g. 0.2)
  --scale standard|minmax|none  how the inputs are scaled
  --zeros-missing a,b    columns where 0 means "not measured"
  --skip-bad-rows        leave out rows with too many or too few values instead of stopping
  --seed N               makes the run repeatable
  --folds K              also K-fold cross-validation (K from 2, e.g. 5): K more models, each scored on rows it never
                         saw, for the mean and spread of the score
  --workers N            how many trainings run at once (default: the number of cores)
  --out FILE.json        write the weights file
  --save FILE.neuron     write a project file with this run
  --json                 end with one line of JSON: epochs, times, last metrics (and "cv" with --folds)
`;

export const PREDICT_HELP = `Predict with a trained network.

Usage: npm run predict -- --weights FILE.json (--input 3,4 | --csv FILE) [--json] [--out FILE.csv]
       npm run predict -- --project FILE.neuron (--input ... | --csv FILE) [--json] [--out FILE.csv]

  --weights FILE.json    a weights file written by train --out or the app's Export
  --project FILE.neuron  a project file: uses the weights of its latest finished run
  --input 3,4            one row: the input values in the model's order, separated by commas
  --csv FILE             many rows: a header row naming the model's inputs (other columns are kept but not used)
  --json                 print one JSON array, one object per row
  --out FILE.csv         write the rows with the predictions appended, as the app does (e.g. "predicted Outcome",
                         "probability of Outcome = 1")
`;
