/** Where the CLI writes: stdout and stderr in production, strings in tests. */
export interface MainIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}
