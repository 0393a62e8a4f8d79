import {
  effectiveInstructions,
  finalStage,
  stageChain,
  type DockerInstruction,
  type DockerWord,
} from '../../model/dockerfile.js';
import type { ReportDescriptor, Rule } from '../rule.js';

/** Executables that boot a whole operating system; `tini` and `dumb-init` are not among them. */
const INIT_PATHS = new Set([
  'init',
  '/sbin/init',
  '/usr/sbin/init',
  '/bin/init',
  '/usr/bin/init',
  'systemd',
  '/lib/systemd/systemd',
  '/usr/lib/systemd/systemd',
  '/bin/systemd',
]);

const PACKAGE_MANAGERS = new Set([
  'apt-get',
  'apt',
  'yum',
  'dnf',
  'microdnf',
  'tdnf',
  'zypper',
  'apk',
]);
const INSTALL_COMMANDS = new Set(['install', 'add', 'in']);
const SSH_SERVER_PACKAGE = /^openssh(?:-server(?:-pam)?)?(?:[=:].*)?$/;
const SEPARATORS = new Set(['&&', '||', ';', '|']);
const SSH_PORT = /^22(?:\/tcp)?$/i;

/** Signs that the final stage of a Dockerfile is a whole operating system, not one process. */
export const dockerfileFullOs: Rule = {
  meta: {
    id: 'dockerfile-full-os',
    family: 'dockerfile',
    description: 'The image should run one process, not boot an init system or an SSH server.',
    severity: 'warning',
    pss: null,
    fixable: false,
    remediation:
      'Run the one service as the entrypoint and reach it with `docker exec` or `kubectl ' +
      'exec`; when a whole system is really needed, run it as a virtual machine.',
    messages: {
      init:
        'The image starts {{command}}, an init system: it boots a whole operating system, ' +
        'which is a virtual machine in disguise.',
      sshd:
        'The image starts the SSH server {{command}}: a container is entered with exec, ' +
        'an SSH server makes it a machine to log in to.',
      sshInstalled:
        'The image installs the SSH server package {{package}}: log-ins belong to machines, ' +
        'not to containers.',
      sshPort: 'The image exposes port 22, the SSH port of a machine to log in to.',
    },
  },

  checkDockerfile({ dockerfile, report }) {
    const stage = finalStage(dockerfile);
    if (stage === undefined) return;

    const starts = [
      effectiveInstructions(stage, 'ENTRYPOINT')[0],
      effectiveInstructions(stage, 'CMD')[0],
    ];
    for (const instruction of starts) {
      const descriptor = instruction && checkCommand(instruction);
      if (descriptor) report(descriptor);
    }

    const instructions = stageChain(stage)
      .reverse()
      .flatMap((member) => member.instructions);
    for (const instruction of instructions) {
      if (instruction.keyword === 'RUN') {
        for (const word of sshPackages(instruction.words)) {
          report({ messageId: 'sshInstalled', data: { package: word.text }, span: word.span });
        }
      }
      if (instruction.keyword === 'EXPOSE') {
        for (const word of instruction.words.filter((candidate) => SSH_PORT.test(candidate.text))) {
          report({ messageId: 'sshPort', span: word.span });
        }
      }
    }
  },
};

/** What an ENTRYPOINT or CMD starts first, when it is an init system or an SSH server. */
function checkCommand(instruction: DockerInstruction): ReportDescriptor | undefined {
  const words = instruction.json ?? instruction.words;
  const first = words[0]?.text === 'exec' ? words[1] : words[0];
  if (first === undefined) return undefined;

  const command = first.text;
  if (INIT_PATHS.has(command)) return { messageId: 'init', data: { command }, span: first.span };
  const name = command.slice(command.lastIndexOf('/') + 1);
  if (name === 'sshd') return { messageId: 'sshd', data: { command }, span: first.span };
  return undefined;
}

/** The SSH server packages that package-manager install commands in a RUN name. */
function sshPackages(words: readonly DockerWord[]): DockerWord[] {
  const found: DockerWord[] = [];
  let state: 'none' | 'manager' | 'install' = 'none';
  for (const word of words) {
    const text = word.text;
    if (SEPARATORS.has(text)) {
      state = 'none';
    } else if (state === 'none' && PACKAGE_MANAGERS.has(text.slice(text.lastIndexOf('/') + 1))) {
      state = 'manager';
    } else if (state === 'manager' && INSTALL_COMMANDS.has(text)) {
      state = 'install';
    } else if (state === 'install' && !text.startsWith('-') && SSH_SERVER_PACKAGE.test(text)) {
      found.push(word);
    }
  }
  return found;
}
