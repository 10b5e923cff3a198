import { expose } from 'comlink'
import { ping } from '../inside/startup-task'

const api = { ping }

export type StartupApi = typeof api
expose(api)
