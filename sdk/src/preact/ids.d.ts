export function nextId(): string;
export function resetIds(): void;
