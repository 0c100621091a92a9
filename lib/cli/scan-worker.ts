/** A CLI scanner thread: scans the files it is given and hands back the findings and input errors. */
import { parentPort, workerData } from 'node:worker_threads';
import { rules } from '../../rules/index';
import type { InputError } from './read-input';
import { scanFiles } from './scan-files';
import type { WorkerReply } from './scan-parallel';

const errors: WorkerReply['errors'] = [];
const keep = (e: InputError) => errors.push({ path: e.path, zh: e.zh, en: e.en });
const files = await scanFiles((workerData as { paths: string[] }).paths, rules, keep);
parentPort!.postMessage({ files, errors } satisfies WorkerReply);
