import { render } from 'preact';
import index from '../../build/generated/index.json';
import type { CompiledIndex } from '../core/corpus-types';
import { browserApi } from '../platform/browser-api';
import { Options } from '../ui/Options';

// Packs are checked against the built-in corpus: its topic ids, aliases, categories and context.
render(<Options api={browserApi} builtIn={index as CompiledIndex} />, document.getElementById('app')!);
