import type { Span } from '../report/types.js';

/** A word of an instruction's arguments, unquoted, with where it is written. */
export interface DockerWord {
  text: string;
  span: Span;
}

/** One instruction of a Dockerfile, continuation lines and heredoc bodies included. */
export interface DockerInstruction {
  /** The keyword in upper case, e.g. `RUN`. */
  keyword: string;
  keywordSpan: Span;
  /** From the keyword to the end of the instruction's last line. */
  span: Span;
  /**
   * The arguments as shell-like words: split at blanks and at `&&`, `||`, `;`, `|`, which are
   * words of their own; continuations and comment lines inside the instruction are skipped.
   */
  words: DockerWord[];
  /** The arguments of the JSON (exec) form, when they are a JSON array of strings. */
  json: DockerWord[] | undefined;
}

/** A comment line. */
export interface DockerComment {
  /** The text after the `#`, as written; it starts at `span.start + 1`. */
  text: string;
  span: Span;
}

/** A build stage: a `FROM` and the instructions up to the next one. */
export interface DockerStage {
  index: number;
  /** The name after `AS`, in lower case as Docker compares it. */
  name: string | undefined;
  /** The image or stage the stage starts from, as written. */
  base: string;
  /** The earlier stage the stage starts from, when `base` names one. */
  baseStage: DockerStage | undefined;
  from: DockerInstruction;
  /** The instructions after the `FROM`. */
  instructions: DockerInstruction[];
}

/** A parsed Dockerfile. */
export interface Dockerfile {
  path: string;
  instructions: DockerInstruction[];
  comments: DockerComment[];
  stages: DockerStage[];
}

/** The stage that runs when the image is started: the last one. */
export function finalStage(dockerfile: Dockerfile): DockerStage | undefined {
  return dockerfile.stages[dockerfile.stages.length - 1];
}

/**
 * The stages whose instructions make up what the given stage runs: the stage itself first,
 * then the earlier stage it starts from, and so on to the first that starts from an image.
 */
export function stageChain(stage: DockerStage): DockerStage[] {
  const chain: DockerStage[] = [];
  for (let current: DockerStage | undefined = stage; current; current = current.baseStage) {
    if (chain.includes(current)) break;
    chain.push(current);
  }
  return chain;
}

/** The instructions with a keyword that the stage runs with, the stage's own first. */
export function effectiveInstructions(stage: DockerStage, keyword: string): DockerInstruction[] {
  return stageChain(stage).flatMap((member) =>
    member.instructions.filter((instruction) => instruction.keyword === keyword).reverse(),
  );
}

/** Groups instructions into stages and links each stage to the earlier one it starts from. */
export function buildStages(instructions: readonly DockerInstruction[]): DockerStage[] {
  const stages: DockerStage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      stages.push(readStage(instruction, stages));
      continue;
    }
    stages[stages.length - 1]?.instructions.push(instruction);
  }
  return stages;
}

function readStage(from: DockerInstruction, earlier: readonly DockerStage[]): DockerStage {
  const words = from.words.filter((word) => !word.text.startsWith('--'));
  const base = words[0]?.text ?? '';
  const as = words[1]?.text.toLowerCase() === 'as' ? words[2]?.text.toLowerCase() : undefined;
  const reference = base.toLowerCase();
  const baseStage =
    earlier.find((stage) => stage.name === reference) ??
    (/^\d+$/.test(reference) ? earlier[Number(reference)] : undefined);
  return { index: earlier.length, name: as, base, baseStage, from, instructions: [] };
}
