// A small builder of ONNX graphs: nodes, constants and typed inputs/outputs, with names that cannot collide, in
// one number precision (every float tensor of an exported model is float, or every one double).

import { onnx } from 'onnx-proto';

export type Precision = 32 | 64;

const { DataType } = onnx.TensorProto;
/** An attribute's value, its ONNX type said outright: `{ int: 1 }`, `{ float: 0.2 }`. */
export type Attribute = { int: number } | { float: number };

/** The model's batch dimension: any number of rows. */
const ROWS: onnx.TensorShapeProto.IDimension = { dimParam: 'N' };

export class OnnxGraph {
  readonly nodes: onnx.INodeProto[] = [];
  readonly constants: onnx.ITensorProto[] = [];
  readonly inputs: onnx.IValueInfoProto[] = [];
  readonly outputs: onnx.IValueInfoProto[] = [];
  private readonly taken = new Set<string>();

  constructor(readonly precision: Precision) {}

  /** The element type of every number tensor in this graph. */
  get numberType(): number {
    return this.precision === 32 ? DataType.FLOAT : DataType.DOUBLE;
  }

  /** A fresh tensor name starting with `stem` (graph inputs and outputs keep their names; these never take them). */
  private fresh(stem: string): string {
    let name = stem, n = 1;
    while (this.taken.has(name)) name = `${stem}_${++n}`;
    this.taken.add(name);
    return name;
  }

  /** Keeps names for the graph's inputs and outputs, so no tensor made before them takes one. */
  reserve(names: readonly string[]): void {
    for (const name of names) this.taken.add(name);
  }

  /** A graph input of [N, 1], under exactly the given name (a column's name, spaces and all). */
  input(name: string, kind: 'number' | 'text'): string {
    this.inputs.push(valueInfo(name, kind === 'number' ? this.numberType : DataType.STRING, [ROWS, { dimValue: 1 }]));
    return name;
  }

  /** Makes `tensor` the graph output `name`, of [N, columns]. */
  output(name: string, tensor: string, kind: 'number' | 'text', columns: number): void {
    this.nodes.push({ opType: 'Identity', input: [tensor], output: [name], name: `output ${name}` });
    this.outputs.push(valueInfo(name, kind === 'number' ? this.numberType : DataType.STRING, [ROWS, { dimValue: columns }]));
  }

  /** A constant of numbers in the graph's precision; `dims` [] is a scalar. */
  numbers(stem: string, values: readonly number[], dims: number[] = [values.length]): string {
    const name = this.fresh(stem);
    const data = this.precision === 32 ? { floatData: [...values] } : { doubleData: [...values] };
    this.constants.push({ name, dims, dataType: this.numberType, ...data });
    return name;
  }

  /** A constant of texts; `dims` [] is a scalar. */
  texts(stem: string, values: readonly string[], dims: number[] = [values.length]): string {
    const name = this.fresh(stem);
    const encoder = new TextEncoder();
    this.constants.push({ name, dims, dataType: DataType.STRING, stringData: values.map((v) => encoder.encode(v)) });
    return name;
  }

  /** One node of the standard domain; returns the name of its (first) output. */
  op(opType: string, inputs: string[], attributes: Record<string, Attribute> = {}, stem = opType.toLowerCase()): string {
    const output = this.fresh(stem);
    this.nodes.push({ opType, input: inputs, output: [output], name: output, attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)) });
    return output;
  }
}

function valueInfo(name: string, elemType: number, dim: onnx.TensorShapeProto.IDimension[]): onnx.IValueInfoProto {
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

function attribute(name: string, value: Attribute): onnx.IAttributeProto {
  const { AttributeType } = onnx.AttributeProto;
  return 'int' in value ? { name, type: AttributeType.INT, i: value.int } : { name, type: AttributeType.FLOAT, f: value.float };
}
